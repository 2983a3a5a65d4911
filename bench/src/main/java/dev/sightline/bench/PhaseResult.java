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
  final Counts spansPerSlice = new Counts();
  final Counts slowAcksPerSecond = new Counts();
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
    spansPerSlice.addAll(tally.spansPerSlice);
    slowAcksPerSecond.addAll(tally.slowAcksPerSecond);
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
    // Every full slice, also those without an ack: a server that stalled shows as 0.
    int slices = (int) (elapsedNanos / SLICE_NANOS);
    double[] rates = new double[slices];
    for (int i = 0; i < slices; i++) {
      rates[i] = spansPerSlice.get(i) / (double) SLICE_SECONDS;
    }
    return rates;
  }

  /**
   * Seconds of the phase with acks slower than {@link #SLOW_ACK_MILLIS}, as "second:count": tells a
   * single stall (one or two seconds) from latency spread over the phase.
   */
  String slowAcksBySecond() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < slowAcksPerSecond.length(); i++) {
      if (slowAcksPerSecond.get(i) > 0) {
        out.append(out.length() == 0 ? "" : " ").append(i).append(':');
        out.append(slowAcksPerSecond.get(i));
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
    final Counts spansPerSlice = new Counts();
    final Counts slowAcksPerSecond = new Counts();
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
        long sinceStart = Math.max(0, ackNanos - startNanos);
        spansPerSlice.add((int) (sinceStart / SLICE_NANOS), spans);
        if (latencyNanos > SLOW_ACK_MILLIS * 1_000_000L) {
          slowAcksPerSecond.add((int) (sinceStart / 1_000_000_000L), 1);
        }
        latencyMicros.recordValue(
            Math.min(latencyMicros.getHighestTrackableValue(), Math.max(1, latencyNanos / 1000)));
      }
    }
  }

  /** Counts by index (a slice, a second), growing as later indexes come. */
  static final class Counts {
    private long[] counts = new long[16];
    private int length;

    void add(int index, long n) {
      if (index >= counts.length) {
        counts = Arrays.copyOf(counts, Math.max(index + 1, counts.length * 2));
      }
      counts[index] += n;
      length = Math.max(length, index + 1);
    }

    void addAll(Counts other) {
      for (int i = 0; i < other.length; i++) {
        add(i, other.counts[i]);
      }
    }

    long get(int index) {
      return index < length ? counts[index] : 0;
    }

    /** One past the highest index counted. */
    int length() {
      return length;
    }
  }
}
