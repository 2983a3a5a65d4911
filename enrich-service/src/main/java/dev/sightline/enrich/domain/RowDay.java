package dev.sightline.enrich.domain;

import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.avro.ObservationType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps an observation row in the day partition it was first stored in: ClickHouse replaces a row
 * only within its partition, so a row that moved day would be visible twice.
 */
public final class RowDay {

  /** Attribute holding a reported start that would have moved the row to another day. */
  public static final String LATE_START_ATTRIBUTE = "sightline.late_start_time_us";

  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private RowDay() {}

  /**
   * The payload to store next: {@code merged}, unless its start would move the emitted row to
   * another day; then the emitted start stays and the reported one goes to an attribute.
   *
   * @param emittedStart the start of the row stored before (null: none was known)
   * @param firstReceivedAtMicros the row's start when it has none (what the sink partitions by)
   */
  public static ObservationPayload pinned(
      ObservationPayload merged, Long emittedStart, long firstReceivedAtMicros) {
    long before = emittedStart != null ? emittedStart : firstReceivedAtMicros;
    Long reported = merged.getStartTimeMicros();
    long now = reported != null ? reported : firstReceivedAtMicros;
    if (Math.floorDiv(before, MICROS_PER_DAY) == Math.floorDiv(now, MICROS_PER_DAY)) {
      return merged;
    }
    Map<String, String> attributes = new LinkedHashMap<>(merged.getAttributes());
    attributes.put(LATE_START_ATTRIBUTE, String.valueOf(reported));
    return ObservationPayload.newBuilder(merged)
        .setStartTimeMicros(emittedStart)
        .setAttributes(attributes)
        .build();
  }

  /** Whether the observation is complete enough to be counted: a start and an end (or an event). */
  public static boolean complete(ObservationPayload o) {
    return o.getStartTimeMicros() != null
        && (o.getEndTimeMicros() != null || o.getType() == ObservationType.EVENT);
  }
}
