package dev.sightline.enrich;

import dev.sightline.schemas.avro.EventKind;
import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.avro.ObservationType;
import dev.sightline.schemas.avro.ScorePayload;
import dev.sightline.schemas.avro.TracePayload;
import dev.sightline.schemas.avro.Usage;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds ingest events for tests; times are epoch microseconds like the real model. */
public final class TestEvents {

  /** 2026-11-29T10:00:00Z in microseconds. */
  public static final long T0 = 1_795_946_400_000_000L;

  private TestEvents() {}

  public static IngestEvent trace(String projectId, String traceId) {
    TracePayload trace =
        TracePayload.newBuilder()
            .setTraceId(traceId)
            .setName("checkout-assistant")
            .setUserId("user-1")
            .setTags(List.of("prod", "beta"))
            .setMetadata(Map.of("region", "eu"))
            .setTimestampMicros(T0)
            .build();
    return envelope(projectId, EventKind.TRACE, trace);
  }

  /** A generation of {@code model} taking 1.5 s, first token after 200 ms. */
  public static ObservationPayload.Builder generation(String traceId, String model) {
    return ObservationPayload.newBuilder()
        .setObservationId("obs-" + UUID.randomUUID())
        .setTraceId(traceId)
        .setType(ObservationType.GENERATION)
        .setName("answer")
        .setStartTimeMicros(T0)
        .setCompletionStartTimeMicros(T0 + 200_000)
        .setEndTimeMicros(T0 + 1_500_000)
        .setModel(model)
        .setModelParameters(Map.of("temperature", "0.2"))
        .setUsage(Usage.newBuilder().setInputTokens(1000L).setOutputTokens(500L).build());
  }

  public static IngestEvent observation(String projectId, ObservationPayload observation) {
    return envelope(projectId, EventKind.OBSERVATION, observation);
  }

  public static IngestEvent score(String projectId, String traceId) {
    ScorePayload score =
        ScorePayload.newBuilder()
            .setScoreId("score-" + UUID.randomUUID())
            .setTraceId(traceId)
            .setName("helpfulness")
            .setValue(0.9)
            .setTimestampMicros(T0 + 2_000_000)
            .build();
    return envelope(projectId, EventKind.SCORE, score);
  }

  public static IngestEvent envelope(String projectId, EventKind kind, Object payload) {
    return IngestEvent.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setProjectId(projectId)
        .setReceivedAtMicros(T0 + 3_000_000)
        .setKind(kind)
        .setPayload(payload)
        .build();
  }
}
