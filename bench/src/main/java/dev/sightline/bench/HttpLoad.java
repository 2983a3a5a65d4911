package dev.sightline.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives OTLP/HTTP load with a fixed number of connections, either closed-loop (each worker sends
 * its next request as soon as the previous is acknowledged: maximum throughput) or open-loop (a
 * fixed schedule of send times; latency counts from the scheduled time, so a stalled server is not
 * hidden by workers that simply send less — no coordinated omission).
 */
public final class HttpLoad {

  /** Told about every 2xx answer, on the worker thread that got it: keep it cheap. */
  @FunctionalInterface
  public interface AckListener {
    /**
     * @param batch the request's template
     * @param sent the bytes that were sent (valid only during the call)
     * @param ackNanos {@link System#nanoTime()} when the answer had been read
     */
    void acked(SpanBatch batch, byte[] sent, long ackNanos);
  }

  private final URI tracesUrl;
  private final int concurrency;
  private final List<SpanBatch> batches;
  private final String authorization;
  private final HttpClient jdkClient;
  private final AckListener listener;
  private final int maxBody;
  // Sequence XORed into every request's ids; shared by all phases so no two requests repeat ids.
  private final AtomicLong idSequence = new AtomicLong(System.nanoTime());

  HttpLoad(BenchOptions options, List<SpanBatch> batches) {
    this(
        options.tracesUrl(),
        options.publicKey(),
        options.secretKey(),
        options.concurrency(),
        options.client().equals("jdk"),
        batches,
        null);
  }

  /**
   * @param jdk {@code java.net.http} instead of {@link RawHttpClient}
   * @param listener told about each 2xx answer; null for none
   */
  public HttpLoad(
      URI tracesUrl,
      String publicKey,
      String secretKey,
      int concurrency,
      boolean jdk,
      List<SpanBatch> batches,
      AckListener listener) {
    this.tracesUrl = tracesUrl;
    this.concurrency = concurrency;
    this.batches = batches;
    String basic = publicKey + ":" + secretKey;
    this.authorization =
        "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8));
    this.jdkClient = jdk ? JdkHttpClient.shared() : null;
    this.listener = listener;
    this.maxBody = batches.stream().mapToInt(b -> b.body().length).max().orElse(0);
  }

  /** Every worker sends back to back for {@code duration}. */
  PhaseResult closedLoop(String name, Duration duration) throws InterruptedException {
    long start = System.nanoTime();
    PhaseResult result = new PhaseResult(name, start);
    long end = start + duration.toNanos();
    run(result, worker -> closedWorker(worker, end, result.tally()));
    result.elapsedNanos = System.nanoTime() - start;
    return result;
  }

  /** Requests at {@code requestsPerSecond} on a fixed schedule for {@code duration}. */
  public PhaseResult openLoop(String name, Duration duration, double requestsPerSecond)
      throws InterruptedException {
    long start = System.nanoTime() + 10_000_000L;
    PhaseResult result = new PhaseResult(name, start);
    result.targetRequestsPerSecond = requestsPerSecond;
    long interval = (long) (1e9 / requestsPerSecond);
    long end = start + duration.toNanos();
    AtomicLong slot = new AtomicLong();
    run(result, worker -> openWorker(worker, start, end, interval, slot, result.tally()));
    result.elapsedNanos = end - start;
    return result;
  }

  private interface WorkerBody {
    PhaseResult.WorkerTally run(int worker) throws Exception;
  }

  private void run(PhaseResult result, WorkerBody body) throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    List<PhaseResult.WorkerTally> tallies = new ArrayList<>();
    for (int w = 0; w < concurrency; w++) {
      int worker = w;
      Thread t =
          new Thread(
              () -> {
                try {
                  PhaseResult.WorkerTally tally = body.run(worker);
                  synchronized (tallies) {
                    tallies.add(tally);
                  }
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              },
              "bench-worker-" + w);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    tallies.forEach(result::add);
  }

  private PhaseResult.WorkerTally closedWorker(
      int worker, long end, PhaseResult.WorkerTally tally) {
    byte[] buffer = new byte[maxBody];
    try (IngestClient client = newClient()) {
      for (int i = worker; System.nanoTime() < end; i += concurrency) {
        SpanBatch batch = batches.get(i % batches.size());
        int length = batch.copyWithFreshIds(buffer, idSequence.incrementAndGet());
        long t0 = System.nanoTime();
        send(client, batch, buffer, length, t0, tally);
      }
    }
    return tally;
  }

  private PhaseResult.WorkerTally openWorker(
      int worker,
      long start,
      long end,
      long interval,
      AtomicLong slot,
      PhaseResult.WorkerTally tally) {
    byte[] buffer = new byte[maxBody];
    try (IngestClient client = newClient()) {
      for (long i = slot.getAndIncrement(); ; i = slot.getAndIncrement()) {
        long scheduled = start + i * interval;
        if (scheduled >= end) {
          break;
        }
        SpanBatch batch = batches.get((int) (i % batches.size()));
        int length = batch.copyWithFreshIds(buffer, idSequence.incrementAndGet());
        for (long wait = scheduled - System.nanoTime();
            wait > 0;
            wait = scheduled - System.nanoTime()) {
          LockSupport.parkNanos(wait);
        }
        send(client, batch, buffer, length, scheduled, tally);
      }
    }
    return tally;
  }

  private void send(
      IngestClient client,
      SpanBatch batch,
      byte[] body,
      int length,
      long since,
      PhaseResult.WorkerTally tally) {
    int spans = batch.spans();
    try {
      int status = client.post(body, length);
      long now = System.nanoTime();
      tally.record(String.valueOf(status), status / 100 == 2, spans, now - since, now);
      if (listener != null && status / 100 == 2) {
        listener.acked(batch, body, now);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      long now = System.nanoTime();
      tally.record("interrupted", false, spans, now - since, now);
    } catch (Exception e) {
      long now = System.nanoTime();
      tally.record(e.getClass().getSimpleName(), false, spans, now - since, now);
      // A refused connection fails in microseconds: do not spin and drown the real numbers.
      LockSupport.parkNanos(10_000_000L);
    }
  }

  private IngestClient newClient() {
    return jdkClient != null
        ? new JdkHttpClient(jdkClient, tracesUrl, authorization)
        : new RawHttpClient(tracesUrl, authorization);
  }
}
