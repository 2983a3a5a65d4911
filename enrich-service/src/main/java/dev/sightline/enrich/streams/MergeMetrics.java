package dev.sightline.enrich.streams;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of the merge, shown in the health data; they count since start-up. */
public final class MergeMetrics {

  private final AtomicLong lateEvents = new AtomicLong();
  private final AtomicLong flushedWithoutCreate = new AtomicLong();
  private final AtomicLong expiredStates = new AtomicLong();

  /** Events that arrived more than the grace period after their observation's first event. */
  public long lateEvents() {
    return lateEvents.get();
  }

  /** Observations emitted after the grace period without their create event. */
  public long flushedWithoutCreate() {
    return flushedWithoutCreate.get();
  }

  /** Merge states removed after the retention period. */
  public long expiredStates() {
    return expiredStates.get();
  }

  void countLate() {
    lateEvents.incrementAndGet();
  }

  void countFlushedWithoutCreate() {
    flushedWithoutCreate.incrementAndGet();
  }

  void countExpired() {
    expiredStates.incrementAndGet();
  }
}
