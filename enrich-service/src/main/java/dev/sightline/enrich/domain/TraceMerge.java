package dev.sightline.enrich.domain;

import dev.sightline.schemas.avro.TracePayload;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Merges the events of one trace: later non-null fields win, tags are a union, metadata merges. */
public final class TraceMerge {

  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private TraceMerge() {}

  /** The merged trace; {@code base} is the merge of the earlier events, or null. */
  public static TracePayload merge(TracePayload base, TracePayload event) {
    if (base == null) {
      return TracePayload.newBuilder(event).build();
    }
    LinkedHashSet<String> tags = new LinkedHashSet<>(base.getTags());
    tags.addAll(event.getTags());
    List<String> union = new ArrayList<>(tags);
    return TracePayload.newBuilder(base)
        .setName(ObservationMerge.pick(base.getName(), event.getName(), true))
        .setUserId(ObservationMerge.pick(base.getUserId(), event.getUserId(), true))
        .setSessionId(ObservationMerge.pick(base.getSessionId(), event.getSessionId(), true))
        .setTags(union)
        .setEnvironment(ObservationMerge.pick(base.getEnvironment(), event.getEnvironment(), true))
        .setRelease(ObservationMerge.pick(base.getRelease(), event.getRelease(), true))
        .setVersion(ObservationMerge.pick(base.getVersion(), event.getVersion(), true))
        .setInput(ObservationMerge.pick(base.getInput(), event.getInput(), true))
        .setOutput(ObservationMerge.pick(base.getOutput(), event.getOutput(), true))
        .setMetadata(ObservationMerge.maps(base.getMetadata(), event.getMetadata(), true))
        .setTimestampMicros(timestamp(base.getTimestampMicros(), event.getTimestampMicros()))
        .build();
  }

  /**
   * The earliest timestamp, but only within the day of the stored one: the row's day partition must
   * never change, or ClickHouse would keep two rows of the trace.
   */
  static long timestamp(long stored, long event) {
    boolean sameDay = Math.floorDiv(stored, MICROS_PER_DAY) == Math.floorDiv(event, MICROS_PER_DAY);
    return sameDay ? Math.min(stored, event) : stored;
  }
}
