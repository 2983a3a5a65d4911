package dev.sightline.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** What one HTTP load phase measured; latencies (of 2xx answers only) in microseconds. */
public final class PhaseResult {

  /** Width of the throughput timeline's slices. */
  static final int SLICE_SECONDS = 10;

  private static final long SLICE_NANOS = SLICE_SECONDS * 1_000_000_000L;

  /** Acks slower than this are counted per second ({@link #slowAcksBySecond()}): the p99 goal. */
  static final long SLOW_ACK_MILLIS = 50;

  final String name;
  final Histogram latencyMicros = new Histogram(60_000_000L, 3);
  final Map<String, Long> statuses = new TreeMap<>();
  final long startNanos;
  long[] spansPerSlice = new long[0];
  long[] slowAcksPerSecond = new long[0];
  long requests;
  long okRequests;
  long acceptedSpans;
  long elapsedNanos;
  double targetRequestsPerSecond;

  PhaseResult(String name, long startNanos) {
    this.name = name;
    this.startNanos = startNanos;
  }

  /** A tally for one worker of this phase. */
  WorkerTally tally() {
    return new WorkerTally(startNanos);
  }

  void add(WorkerTally tally) {
    if (tally.spansPerSlice.length > spansPerSlice.length) {
      spansPerSlice = Arrays.copyOf(spansPerSlice, tally.spansPerSlice.length);
    }
    for (int i = 0; i < tally.spansPerSlice.length; i++) {
      spansPerSlice[i] += tally.spansPerSlice[i];
    }
    if (tally.slowAcksPerSecond.length > slowAcksPerSecond.length) {
      slowAcksPerSecond = Arrays.copyOf(slowAcksPerSecond, tally.slowAcksPerSecond.length);
    }
    for (int i = 0; i < tally.slowAcksPerSecond.length; i++) {
      slowAcksPerSecond[i] += tally.slowAcksPerSecond[i];
    }
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

  /**
   * Accepted spans/s in each {@link #SLICE_SECONDS}-second slice of the phase (the last may be
   * partial): shows a JIT still warming up, or a neighbour taking the CPU, that the phase's average
   * hides.
   */
  double[] spansPerSecondBySlice() {
    int full = (int) (elapsedNanos / SLICE_NANOS);
    int slices = Math.min(spansPerSlice.length, full);
    double[] rates = new double[slices];
    for (int i = 0; i < slices; i++) {
      rates[i] = spansPerSlice[i] / (double) SLICE_SECONDS;
    }
    return rates;
  }

  /**
   * Seconds of the phase with acks slower than {@link #SLOW_ACK_MILLIS}, as "second:count": tells a
   * single stall (one or two seconds) from latency spread over the phase.
   */
  String slowAcksBySecond() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < slowAcksPerSecond.length; i++) {
      if (slowAcksPerSecond[i] > 0) {
        out.append(out.length() == 0 ? "" : " ").append(i).append(':').append(slowAcksPerSecond[i]);
      }
    }
    return out.length() == 0 ? "none" : out.toString();
  }

  public double percentileMillis(double p) {
    return latencyMicros.getTotalCount() == 0 ? 0 : latencyMicros.getValueAtPercentile(p) / 1000.0;
  }

  /** One worker's counts, merged into the phase when the worker ends. */
  static final class WorkerTally {
    final Histogram latencyMicros = new Histogram(60_000_000L, 3);
    final Map<String, Long> statuses = new TreeMap<>();
    private final long startNanos;
    long[] spansPerSlice = new long[8];
    long[] slowAcksPerSecond = new long[64];
    long requests;
    long okRequests;
    long acceptedSpans;

    WorkerTally(long startNanos) {
      this.startNanos = startNanos;
    }

    // Latency is ack latency: only 2xx answers count, a fast 401 or refused connection must not
    // make the percentiles look good.
    void record(String status, boolean ok, int spans, long latencyNanos, long ackNanos) {
      requests++;
      statuses.merge(status, 1L, Long::sum);
      if (ok) {
        okRequests++;
        acceptedSpans += spans;
        int slice = (int) Math.max(0, (ackNanos - startNanos) / SLICE_NANOS);
        if (slice >= spansPerSlice.length) {
          spansPerSlice = Arrays.copyOf(spansPerSlice, slice * 2);
        }
        spansPerSlice[slice] += spans;
        if (latencyNanos > SLOW_ACK_MILLIS * 1_000_000L) {
          int second = (int) Math.max(0, (ackNanos - startNanos) / 1_000_000_000L);
          if (second >= slowAcksPerSecond.length) {
            slowAcksPerSecond = Arrays.copyOf(slowAcksPerSecond, second * 2);
          }
          slowAcksPerSecond[second]++;
        }
        latencyMicros.recordValue(
            Math.min(latencyMicros.getHighestTrackableValue(), Math.max(1, latencyNanos / 1000)));
      }
    }
  }
}
