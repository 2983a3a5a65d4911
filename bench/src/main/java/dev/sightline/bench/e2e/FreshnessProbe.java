package dev.sightline.bench.e2e;

import dev.sightline.bench.HttpLoad;
import dev.sightline.bench.SpanBatch;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Ingest → queryable latency: remembers one acked trace per sample interval with the moment its 2xx
 * answer was read, and polls ClickHouse for the pending ones by primary key until each has a row in
 * {@code observations}. One small query per poll, however many traces are pending.
 */
final class FreshnessProbe implements HttpLoad.AckListener {

  /**
   * What the probe saw.
   *
   * @param millis freshness of every trace that became visible
   * @param sampled traces remembered
   * @param missing traces still invisible when the probe gave up
   */
  record Result(Histogram millis, long sampled, long missing) {
    double percentile(double p) {
      return millis.getTotalCount() == 0 ? Double.NaN : millis.getValueAtPercentile(p);
    }
  }

  private final ClickHouseHttp clickHouse;
  private final String projectId;
  private final long sampleNanos;
  private final AtomicLong lastSample = new AtomicLong(Long.MIN_VALUE / 2);
  private final Map<String, Long> pending = new ConcurrentHashMap<>();
  private final Histogram millis = new Histogram(3_600_000L, 3);
  private final AtomicLong sampled = new AtomicLong();

  FreshnessProbe(ClickHouseHttp clickHouse, String projectId, long sampleMillis) {
    this.clickHouse = clickHouse;
    this.projectId = projectId;
    this.sampleNanos = sampleMillis * 1_000_000L;
  }

  @Override
  public void acked(SpanBatch batch, byte[] sent, long ackNanos) {
    long last = lastSample.get();
    // One worker wins each interval; the others pay only for this compare.
    if (ackNanos - last >= sampleNanos && lastSample.compareAndSet(last, ackNanos)) {
      pending.put(batch.firstTraceIdHex(sent), ackNanos);
      sampled.incrementAndGet();
    }
  }

  /**
   * Polls every {@code pollMillis} until {@code loadDone} is set and nothing is pending, or until
   * {@code giveUpMillis} after the load ended.
   */
  Result poll(long pollMillis, long giveUpMillis, Future<?> loadDone)
      throws IOException, InterruptedException {
    long giveUpAt = Long.MAX_VALUE;
    while (true) {
      if (loadDone.isDone() && giveUpAt == Long.MAX_VALUE) {
        giveUpAt = System.nanoTime() + giveUpMillis * 1_000_000L;
      }
      if (loadDone.isDone() && (pending.isEmpty() || System.nanoTime() > giveUpAt)) {
        break;
      }
      long next = System.nanoTime() + pollMillis * 1_000_000L;
      if (!pending.isEmpty()) {
        pollOnce();
      }
      long wait = next - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
      }
    }
    return new Result(millis, sampled.get(), pending.size());
  }

  private void pollOnce() throws IOException {
    List<String> ids = new ArrayList<>(pending.keySet());
    StringBuilder in = new StringBuilder();
    for (String id : ids) {
      in.append(in.isEmpty() ? "'" : ",'").append(id).append('\'');
    }
    long sent = System.nanoTime();
    String answer =
        clickHouse.query(
            "SELECT DISTINCT trace_id FROM observations WHERE project_id = '"
                + projectId
                + "' AND trace_id IN ("
                + in
                + ")");
    // The rows became visible somewhere between sending and answering: take the middle.
    long visible = sent + (System.nanoTime() - sent) / 2;
    for (String id : answer.split("\n")) {
      Long ack = id.isBlank() ? null : pending.remove(id.trim());
      if (ack != null) {
        millis.recordValue(Math.max(0, (visible - ack) / 1_000_000L));
      }
    }
  }
}
