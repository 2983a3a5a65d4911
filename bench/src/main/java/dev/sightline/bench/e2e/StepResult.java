package dev.sightline.bench.e2e;

import java.util.List;
import java.util.Map;

/**
 * What one open-loop step measured, from the first request to the drained backlog.
 *
 * @param name how the table calls it
 * @param offeredSpansPerSecond the schedule's rate
 * @param scheduledSeconds the schedule's length
 * @param wallSeconds until the last answer; longer than scheduled when ingest fell behind
 * @param ackedSpans spans in 2xx answers
 * @param errors non-2xx answers and exceptions
 * @param ackP99Millis ack latency p99 from the scheduled send time
 * @param lag backlog samples during the load
 * @param lagByGroupAtEnd backlog per consumer group when the load ended: where it piles up
 * @param storedAtEnd rows of this step in {@code observations} when the load ended (-1 unknown)
 * @param storedAfterDrain the same once the backlog drained or the drain wait ran out (-1 unknown)
 * @param drainSeconds how long the backlog took to drain after the load; NaN if it did not
 * @param cost CPU per process and ClickHouse's insert and merge bytes during the load
 */
record StepResult(
    String name,
    double offeredSpansPerSecond,
    double scheduledSeconds,
    double wallSeconds,
    long ackedSpans,
    long errors,
    double ackP99Millis,
    List<LagSample> lag,
    Map<String, Long> lagByGroupAtEnd,
    long storedAtEnd,
    long storedAfterDrain,
    double drainSeconds,
    StepCost cost) {

  /** Stored rows per second of load; acked spans per second when the project is not known yet. */
  double storedSpansPerSecond() {
    return (storedAfterDrain < 0 ? ackedSpans : storedAfterDrain) / wallSeconds;
  }

  double ackedSpansPerSecond() {
    return ackedSpans / wallSeconds;
  }

  /** The lag sample nearest to {@code fraction} of the load (0 start, 0.5 middle, 1 end). */
  long lagAt(double fraction) {
    if (lag.isEmpty()) {
      return -1;
    }
    return lag.get((int) Math.round(fraction * (lag.size() - 1))).records();
  }
}
