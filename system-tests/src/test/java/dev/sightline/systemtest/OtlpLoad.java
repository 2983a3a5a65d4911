package dev.sightline.systemtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client app sending OTLP/HTTP JSON traces at a steady rate, retrying 503/429 after Retry-After
 * (and connection errors) with the same body until acknowledged, as an OTel exporter does; only
 * spans of a 2xx answer count as acknowledged.
 */
final class OtlpLoad implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String url;
  private final String authorization;
  private final String tag;
  private final ScheduledExecutorService workers;
  private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
  private final Map<Integer, AtomicInteger> refused = new ConcurrentHashMap<>();
  private final AtomicInteger retriedAfter = new AtomicInteger();
  private volatile boolean sending = true;

  /**
   * Starts {@code workers} senders, each posting one trace of {@link OtlpTraces#SPANS} spans every
   * {@code interval}; trace ids start with {@code tag}.
   */
  OtlpLoad(String ingestUrl, String authorization, String tag, int workers, Duration interval) {
    this.url = ingestUrl + "/v1/traces";
    this.authorization = authorization;
    this.tag = tag;
    this.workers = Executors.newScheduledThreadPool(workers);
    for (int i = 0; i < workers; i++) {
      this.workers.scheduleWithFixedDelay(
          this::sendOne, i * 37L, interval.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Identities {@code traceId/spanId} of every span ingest acknowledged. */
  Set<String> acknowledged() {
    return Set.copyOf(acknowledged);
  }

  int acknowledgedCount() {
    return acknowledged.size();
  }

  /** How many answers said "retry after" (503/429 with a Retry-After header). */
  int retriedAfter() {
    return retriedAfter.get();
  }

  /** Answers that were neither 2xx nor retryable, by status. */
  Map<Integer, AtomicInteger> refused() {
    return Map.copyOf(refused);
  }

  /** Stops new traces and waits until every trace already sent is acknowledged. */
  void stopAndDrain(Duration atMost) throws InterruptedException {
    sending = false;
    workers.shutdown();
    if (!workers.awaitTermination(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
      workers.shutdownNow();
      throw new IllegalStateException("traces still unacknowledged after " + atMost);
    }
  }

  @Override
  public void close() {
    sending = false;
    workers.shutdownNow();
  }

  private void sendOne() {
    if (!sending) {
      return;
    }
    OtlpTraces.Trace trace = OtlpTraces.random(tag);
    try {
      sendUntilAnswered(trace.json(), trace.identities());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void sendUntilAnswered(String body, List<String> identities) throws InterruptedException {
    while (true) {
      HttpResponse<String> r;
      try {
        r = HTTP.send(request(body), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        TimeUnit.MILLISECONDS.sleep(200); // ingest unreachable: a client backs off and retries
        continue;
      }
      int status = r.statusCode();
      if (status / 100 == 2 && !r.body().contains("rejectedSpans")) {
        acknowledged.addAll(identities);
        return;
      }
      var retryAfter = r.headers().firstValue("Retry-After");
      if ((status == 503 || status == 429) && retryAfter.isPresent()) {
        retriedAfter.incrementAndGet();
        TimeUnit.SECONDS.sleep(Long.parseLong(retryAfter.get().trim()));
        continue;
      }
      refused.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
      return;
    }
  }

  private HttpRequest request(String body) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", authorization)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
  }
}
