package dev.sightline.bench;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** What one HTTP load phase measured; latencies (of 2xx answers only) in microseconds. */
public final class PhaseResult {

  final String name;
  final Histogram latencyMicros = new Histogram(60_000_000L, 3);
  final Map<String, Long> statuses = new TreeMap<>();
  long requests;
  long okRequests;
  long acceptedSpans;
  long elapsedNanos;
  double targetRequestsPerSecond;

  PhaseResult(String name) {
    this.name = name;
  }

  void add(WorkerTally tally) {
    latencyMicros.add(tally.latencyMicros);
    tally.statuses.forEach((k, v) -> statuses.merge(k, v, Long::sum));
    requests += tally.requests;
    okRequests += tally.okRequests;
    acceptedSpans += tally.acceptedSpans;
  }

  /** Spans in 2xx answers. */
  public long acceptedSpans() {
    return acceptedSpans;
  }

  /** HTTP status (or exception name) to count. */
  public Map<String, Long> statuses() {
    return statuses;
  }

  double seconds() {
    return elapsedNanos / 1e9;
  }

  double acceptedSpansPerSecond() {
    return elapsedNanos == 0 ? 0 : acceptedSpans / seconds();
  }

  public long errors() {
    return requests - okRequests;
  }

  public double percentileMillis(double p) {
    return latencyMicros.getTotalCount() == 0 ? 0 : latencyMicros.getValueAtPercentile(p) / 1000.0;
  }

  /** One worker's counts, merged into the phase when the worker ends. */
  static final class WorkerTally {
    final Histogram latencyMicros = new Histogram(60_000_000L, 3);
    final Map<String, Long> statuses = new TreeMap<>();
    long requests;
    long okRequests;
    long acceptedSpans;

    // Latency is ack latency: only 2xx answers count, a fast 401 or refused connection must not
    // make the percentiles look good.
    void record(String status, boolean ok, int spans, long latencyNanos) {
      requests++;
      statuses.merge(status, 1L, Long::sum);
      if (ok) {
        okRequests++;
        acceptedSpans += spans;
        latencyMicros.recordValue(
            Math.min(latencyMicros.getHighestTrackableValue(), Math.max(1, latencyNanos / 1000)));
      }
    }
  }
}
