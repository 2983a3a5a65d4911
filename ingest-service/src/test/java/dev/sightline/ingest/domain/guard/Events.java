package dev.sightline.ingest.domain.guard;

import dev.sightline.schemas.avro.EventKind;
import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.avro.RetrievalDocument;
import dev.sightline.schemas.avro.ScorePayload;
import dev.sightline.schemas.avro.TracePayload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

/** Builders of mapped events for guard and masking tests; times relative to {@link #NOW}. */
public final class Events {

  /** The tests' "now" in epoch microseconds. */
  public static final long NOW = 1_800_000_000_000_000L;

  public static final String TRACE = "0af7651916cd43dd8448eb211c80319c";

  private Events() {}

  /** A valid observation starting one second before now and lasting half a second. */
  public static ObservationPayload.Builder observation(String id) {
    return ObservationPayload.newBuilder()
        .setObservationId(id)
        .setTraceId(TRACE)
        .setParentObservationId("b7ad6b7169203331")
        .setName("step")
        .setStartTimeMicros(NOW - 1_000_000)
        .setEndTimeMicros(NOW - 500_000)
        .setAttributes(new LinkedHashMap<>())
        .setRetrievalDocuments(new ArrayList<>());
  }

  public static TracePayload.Builder trace(long timestamp) {
    return TracePayload.newBuilder()
        .setTraceId(TRACE)
        .setTimestampMicros(timestamp)
        .setMetadata(new LinkedHashMap<>());
  }

  public static ScorePayload.Builder score(String id) {
    return ScorePayload.newBuilder()
        .setScoreId(id)
        .setTraceId(TRACE)
        .setName("quality")
        .setValue(0.5)
        .setTimestampMicros(NOW);
  }

  public static RetrievalDocument document(String content) {
    return RetrievalDocument.newBuilder().setId("d1").setContent(content).build();
  }

  public static IngestEvent event(String project, Object payload) {
    EventKind kind =
        payload instanceof ObservationPayload
            ? EventKind.OBSERVATION
            : payload instanceof TracePayload ? EventKind.TRACE : EventKind.SCORE;
    return IngestEvent.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setProjectId(project)
        .setReceivedAtMicros(NOW)
        .setKind(kind)
        .setPayload(payload)
        .build();
  }

  public static List<IngestEvent> events(String project, Object... payloads) {
    List<IngestEvent> out = new ArrayList<>();
    for (Object p : payloads) {
      out.add(
          event(
              project,
              p instanceof org.apache.avro.specific.SpecificRecordBuilderBase<?> b ? build(b) : p));
    }
    return out;
  }

  private static Object build(org.apache.avro.specific.SpecificRecordBuilderBase<?> b) {
    if (b instanceof ObservationPayload.Builder o) {
      return o.build();
    }
    if (b instanceof TracePayload.Builder t) {
      return t.build();
    }
    return ((ScorePayload.Builder) b).build();
  }
}
