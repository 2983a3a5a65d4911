package dev.sightline.schemas.topics;

import dev.sightline.schemas.avro.ApiKeyRecord;
import dev.sightline.schemas.avro.CostRecomputeRequest;
import dev.sightline.schemas.avro.DeadLetter;
import dev.sightline.schemas.avro.EnrichedObservation;
import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.avro.MaskingRuleSet;
import dev.sightline.schemas.avro.ModelPrice;
import dev.sightline.schemas.avro.ObservationAggregate;
import dev.sightline.schemas.avro.ScoreRecord;
import dev.sightline.schemas.avro.TraceRecord;
import dev.sightline.schemas.serde.AvroSerde;
import java.util.List;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The one registry of Sightline's topics. No topic name appears as a literal anywhere else.
 *
 * <p>Event keys are {@code projectId/traceId} so that all events of a trace land on one partition
 * and stay in order.
 */
public final class Topics {

  private static final String DELETE = TopicConfig.CLEANUP_POLICY_DELETE;
  private static final String COMPACT = TopicConfig.CLEANUP_POLICY_COMPACT;

  /** Every accepted event (traces, observations, scores), written by ingest and eval-worker. */
  public static final Topic<String, IngestEvent> INGEST_EVENTS =
      new Topic<>(
          "sightline.ingest-events.v1",
          Serdes.String(),
          AvroSerde.of(IngestEvent.class),
          6,
          DELETE,
          "accepted trace, observation and score events; key projectId/traceId");

  /** Observations with latency and cost, written by enrich, read by the sink and eval-worker. */
  public static final Topic<String, EnrichedObservation> ENRICHED_OBSERVATIONS =
      new Topic<>(
          "sightline.observations-enriched.v1",
          Serdes.String(),
          AvroSerde.of(EnrichedObservation.class),
          6,
          DELETE,
          "observations with latency and cost; key projectId/traceId");

  /** Trace events ready for storage, written by enrich. */
  public static final Topic<String, TraceRecord> TRACES =
      new Topic<>(
          "sightline.traces.v1",
          Serdes.String(),
          AvroSerde.of(TraceRecord.class),
          6,
          DELETE,
          "trace events ready for storage; key projectId/traceId");

  /** Scores ready for storage, written by enrich. */
  public static final Topic<String, ScoreRecord> SCORES =
      new Topic<>(
          "sightline.scores.v1",
          Serdes.String(),
          AvroSerde.of(ScoreRecord.class),
          6,
          DELETE,
          "scores ready for storage; key projectId/traceId");

  /** Windowed cost/latency/token aggregates, written by enrich. */
  public static final Topic<String, ObservationAggregate> OBSERVATION_AGGREGATES =
      new Topic<>(
          "sightline.observation-aggregates.v1",
          Serdes.String(),
          AvroSerde.of(ObservationAggregate.class),
          6,
          DELETE,
          "1-minute aggregates per project x environment x step x model x prompt version");

  /** Project API keys pushed by query-service to ingest; compacted so the latest state wins. */
  public static final Topic<String, ApiKeyRecord> API_KEYS =
      new Topic<>(
          "sightline.api-keys.v1",
          Serdes.String(),
          AvroSerde.of(ApiKeyRecord.class),
          1,
          COMPACT,
          "project API keys (secret hashed); key publicKey; compacted");

  /** Per-project extra masking rules pushed by query-service to ingest; compacted. */
  public static final Topic<String, MaskingRuleSet> MASKING_RULES =
      new Topic<>(
          "sightline.masking-rules.v1",
          Serdes.String(),
          AvroSerde.of(MaskingRuleSet.class),
          1,
          COMPACT,
          "per-project extra masking rules; key projectId; compacted");

  /** Versioned model prices pushed by query-service, read by enrich as a global table. */
  public static final Topic<String, ModelPrice> MODEL_PRICES =
      new Topic<>(
          "sightline.model-prices.v1",
          Serdes.String(),
          AvroSerde.of(ModelPrice.class),
          1,
          COMPACT,
          "versioned model prices with effective dates; key priceId; compacted");

  /** Admin requests to re-price stored observations, written by query-service, run by enrich. */
  public static final Topic<String, CostRecomputeRequest> COST_RECOMPUTES =
      new Topic<>(
          "sightline.cost-recomputes.v1",
          Serdes.String(),
          AvroSerde.of(CostRecomputeRequest.class),
          1,
          DELETE,
          "requests to re-price a project's stored observations of a range; key projectId");

  /** Records that could not be processed, with the reason. */
  public static final Topic<String, DeadLetter> DEAD_LETTERS =
      new Topic<>(
          "sightline.dead-letters.v1",
          Serdes.String(),
          AvroSerde.of(DeadLetter.class),
          1,
          DELETE,
          "undecodable or unprocessable records with the reason");

  /**
   * Header of every {@link #ENRICHED_OBSERVATIONS} record: the observation's type by name ({@code
   * GENERATION}, {@code SPAN}...). Readers that only care about some types skip the others without
   * decoding the value (eval-worker scores generations only by default).
   */
  public static final String OBSERVATION_TYPE_HEADER = "sightline.observation-type";

  private Topics() {}

  /** All topics, in pipeline order. */
  public static List<Topic<?, ?>> all() {
    return List.of(
        INGEST_EVENTS,
        ENRICHED_OBSERVATIONS,
        TRACES,
        SCORES,
        OBSERVATION_AGGREGATES,
        API_KEYS,
        MASKING_RULES,
        MODEL_PRICES,
        COST_RECOMPUTES,
        DEAD_LETTERS);
  }

  /** The partition key of every event of one trace. */
  public static String traceKey(String projectId, String traceId) {
    return projectId + "/" + traceId;
  }
}
