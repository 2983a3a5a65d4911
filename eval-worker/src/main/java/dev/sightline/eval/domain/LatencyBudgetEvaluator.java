package dev.sightline.eval.domain;

import dev.sightline.schemas.avro.EnrichedObservation;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.avro.ObservationType;
import dev.sightline.schemas.avro.ScoreDataType;
import dev.sightline.schemas.avro.ScorePayload;
import dev.sightline.schemas.avro.ScoreSource;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Scores whether an observation finished within a latency budget (1.0) or not (0.0). */
public final class LatencyBudgetEvaluator implements Evaluator {

  /** The score name written by this evaluator. */
  public static final String NAME = "latency_budget";

  private final long budgetMs;
  private final Set<ObservationType> types;
  private final Clock clock;

  /**
   * @param budget the largest latency that still passes; must be positive
   * @param types the observation types that are scored; must not be empty
   * @param clock source of the score timestamp
   */
  public LatencyBudgetEvaluator(Duration budget, Set<ObservationType> types, Clock clock) {
    if (budget.isZero() || budget.isNegative()) {
      throw new IllegalArgumentException("latency budget must be positive, was " + budget);
    }
    if (types.isEmpty()) {
      throw new IllegalArgumentException("at least one observation type must be scored");
    }
    this.budgetMs = budget.toMillis();
    this.types = EnumSet.copyOf(types);
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean appliesTo(ObservationType type) {
    return types.contains(type);
  }

  @Override
  public Optional<ScorePayload> evaluate(EnrichedObservation enriched) {
    ObservationPayload observation = enriched.getObservation();
    Double latencyMs = enriched.getLatencyMs();
    if (latencyMs == null || !types.contains(observation.getType())) {
      return Optional.empty();
    }
    boolean within = latencyMs <= budgetMs;
    String comment =
        String.format(
            "%d ms %s budget %d ms", Math.round(latencyMs), within ? "within" : "over", budgetMs);
    return Optional.of(
        ScorePayload.newBuilder()
            .setScoreId(ScoreIds.of(enriched.getProjectId(), observation.getObservationId(), NAME))
            .setTraceId(observation.getTraceId())
            .setObservationId(observation.getObservationId())
            .setName(NAME)
            .setValue(within ? 1.0 : 0.0)
            .setDataType(ScoreDataType.BOOLEAN)
            .setSource(ScoreSource.EVAL)
            .setComment(comment)
            .setTimestampMicros(EpochMicros.now(clock))
            .build());
  }
}
