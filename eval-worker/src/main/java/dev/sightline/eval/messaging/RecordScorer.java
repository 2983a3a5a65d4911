package dev.sightline.eval.messaging;

import dev.sightline.eval.domain.EpochMicros;
import dev.sightline.eval.domain.Evaluator;
import dev.sightline.eval.domain.ScoreEvents;
import dev.sightline.schemas.avro.EnrichedObservation;
import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.avro.ObservationType;
import dev.sightline.schemas.avro.ScorePayload;
import dev.sightline.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Deserializer;
import org.jboss.logging.Logger;

/** Turns one enriched-observation record into the score events of every evaluator. */
final class RecordScorer {

  private static final Logger LOG = Logger.getLogger(RecordScorer.class);
  private static final Deserializer<EnrichedObservation> DECODER =
      Topics.ENRICHED_OBSERVATIONS.valueSerde().deserializer();

  private final List<Evaluator> evaluators;
  private final Predicate<String> projectInScope;
  private final Clock clock;
  private final EvalLoopStats stats;

  RecordScorer(
      List<Evaluator> evaluators,
      Predicate<String> projectInScope,
      Clock clock,
      EvalLoopStats stats) {
    this.evaluators = List.copyOf(evaluators);
    this.projectInScope = projectInScope;
    this.clock = clock;
    this.stats = stats;
  }

  /** The score events to send for one record; empty when undecodable or out of scope. */
  List<ProducerRecord<String, IngestEvent>> score(ConsumerRecord<String, byte[]> record) {
    if (!anyEvaluatorApplies(record)) {
      stats.skippedByType.increment();
      return List.of();
    }
    EnrichedObservation o;
    try {
      o = DECODER.deserialize(record.topic(), record.value());
      if (o == null) {
        throw new SerializationException("null value");
      }
    } catch (SerializationException e) {
      // Enrich owns the dead letters of its topics; here a bad record only must not block.
      stats.undecodable.increment();
      LOG.warnf(
          "skipping undecodable record %s-%d@%d: %s",
          record.topic(), record.partition(), record.offset(), e.getMessage());
      return List.of();
    }
    if (!projectInScope.test(o.getProjectId())) {
      return List.of();
    }
    stats.observations.increment();
    List<ProducerRecord<String, IngestEvent>> events = new ArrayList<>();
    for (Evaluator evaluator : evaluators) {
      try {
        evaluator.evaluate(o).ifPresent(score -> events.add(toRecord(o, score)));
      } catch (RuntimeException e) {
        // One broken evaluator must not stop the others or the loop.
        stats.evaluatorFailures.increment();
        LOG.warnf(
            e,
            "evaluator %s failed on observation %s of project %s",
            evaluator.name(),
            o.getObservation().getObservationId(),
            o.getProjectId());
      }
    }
    return events;
  }

  /**
   * False only when the record names its observation type and no evaluator scores that type:
   * decoding is most of this worker's cost, and most observations are not generations. A record
   * without the header (or with a type this build does not know) is decoded as before.
   */
  private boolean anyEvaluatorApplies(ConsumerRecord<String, byte[]> record) {
    Header header = record.headers().lastHeader(Topics.OBSERVATION_TYPE_HEADER);
    if (header == null) {
      return true;
    }
    ObservationType type;
    try {
      type = ObservationType.valueOf(new String(header.value(), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return true;
    }
    for (Evaluator evaluator : evaluators) {
      if (evaluator.appliesTo(type)) {
        return true;
      }
    }
    return false;
  }

  private ProducerRecord<String, IngestEvent> toRecord(EnrichedObservation o, ScorePayload score) {
    IngestEvent event = ScoreEvents.of(o.getProjectId(), score, EpochMicros.now(clock));
    String key = Topics.traceKey(o.getProjectId(), score.getTraceId());
    return new ProducerRecord<>(Topics.INGEST_EVENTS.name(), key, event);
  }
}
