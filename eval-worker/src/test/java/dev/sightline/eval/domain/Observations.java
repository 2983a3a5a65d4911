package dev.sightline.eval.domain;

import dev.sightline.schemas.avro.CostSource;
import dev.sightline.schemas.avro.EnrichedObservation;
import dev.sightline.schemas.avro.Level;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.avro.ObservationType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds enriched observations for tests; ids are random so tests never see each other's data. */
public final class Observations {

  private static final long START_MICROS = 1_700_000_000_000_000L;

  private Observations() {}

  /**
   * An enriched observation of the given project, type and latency, with fresh ids.
   *
   * <p>Every field is set by hand: Avro builders compute enum defaults through a class loader that
   * differs from Quarkus' in a {@code @QuarkusTest} ("Level cannot be cast to Level").
   */
  public static EnrichedObservation enriched(
      String projectId, ObservationType type, Double latencyMs) {
    ObservationPayload observation = new ObservationPayload();
    observation.setObservationId("obs-" + UUID.randomUUID());
    observation.setTraceId("trace-" + UUID.randomUUID());
    observation.setType(type);
    observation.setUpdate(false);
    observation.setName("chat");
    observation.setModel("gpt-4o-mini");
    observation.setStartTimeMicros(START_MICROS);
    observation.setModelParameters(Map.of());
    observation.setLevel(Level.DEFAULT);
    observation.setAttributes(Map.of());
    observation.setRetrievalDocuments(List.of());
    EnrichedObservation enriched = new EnrichedObservation();
    enriched.setProjectId(projectId);
    enriched.setEventId(UUID.randomUUID().toString());
    enriched.setReceivedAtMicros(START_MICROS);
    enriched.setObservation(observation);
    enriched.setLatencyMs(latencyMs);
    enriched.setCostSource(CostSource.NONE);
    enriched.setEnrichedAtMicros(START_MICROS);
    return enriched;
  }
}
