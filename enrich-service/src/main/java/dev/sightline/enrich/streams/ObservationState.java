package dev.sightline.enrich.streams;

import dev.sightline.schemas.avro.ObservationPayload;

/**
 * What the merge keeps per observation between its events.
 *
 * @param projectId the observation's project
 * @param merged the merge of every event so far
 * @param created whether its create event has arrived
 * @param firstSeenMillis processing wall-clock time of its first event
 * @param lastSeenMillis processing wall-clock time of its latest event
 * @param firstReceivedAtMicros ingest time of its first event; the row's start when none is known
 * @param lastEventId id of its latest event
 * @param emitted whether a row was emitted
 * @param emittedStartMicros the start emitted last (null: none known), which fixes the row's day
 * @param version version of the last emitted row; strictly increasing per observation
 * @param aggregated whether it was counted in the aggregates (happens once)
 * @param timerDueMillis when its pending timer fires
 */
record ObservationState(
    String projectId,
    ObservationPayload merged,
    boolean created,
    long firstSeenMillis,
    long lastSeenMillis,
    long firstReceivedAtMicros,
    String lastEventId,
    boolean emitted,
    Long emittedStartMicros,
    long version,
    boolean aggregated,
    long timerDueMillis) {

  ObservationState withTimerDue(long dueMillis) {
    return new ObservationState(
        projectId,
        merged,
        created,
        firstSeenMillis,
        lastSeenMillis,
        firstReceivedAtMicros,
        lastEventId,
        emitted,
        emittedStartMicros,
        version,
        aggregated,
        dueMillis);
  }

  /** The state after a row (or an aggregate-only output) went out. */
  ObservationState emittedAs(Long startMicros, long newVersion, boolean nowAggregated) {
    return new ObservationState(
        projectId,
        merged,
        created,
        firstSeenMillis,
        lastSeenMillis,
        firstReceivedAtMicros,
        lastEventId,
        true,
        startMicros,
        newVersion,
        nowAggregated,
        timerDueMillis);
  }
}
