package dev.sightline.eval.domain;

import dev.sightline.schemas.avro.EnrichedObservation;
import dev.sightline.schemas.avro.ObservationType;
import dev.sightline.schemas.avro.ScorePayload;
import java.util.Optional;

/** Judges one enriched observation and may produce one score for it. */
public interface Evaluator {

  /** The score name this evaluator writes; also part of every deterministic score id. */
  String name();

  /**
   * Scores one observation.
   *
   * @return the score, or empty when this evaluator does not apply to the observation
   */
  Optional<ScorePayload> evaluate(EnrichedObservation observation);

  /**
   * Whether this evaluator may score observations of this type at all. The worker skips records
   * that no evaluator applies to before decoding them.
   */
  default boolean appliesTo(ObservationType type) {
    return true;
  }
}
