package dev.sightline.eval.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.schemas.avro.EnrichedObservation;
import dev.sightline.schemas.avro.ObservationType;
import dev.sightline.schemas.avro.ScoreDataType;
import dev.sightline.schemas.avro.ScorePayload;
import dev.sightline.schemas.avro.ScoreSource;
import dev.sightline.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LatencyBudgetEvaluatorTest {

  private static final Instant NOW = Instant.parse("2026-11-29T10:15:30.123456Z");
  private final LatencyBudgetEvaluator evaluator =
      new LatencyBudgetEvaluator(
          Duration.ofSeconds(2),
          Set.of(ObservationType.GENERATION),
          Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void scoresAGenerationWithinTheBudgetAsOne() {
    EnrichedObservation o = Observations.enriched("p1", ObservationType.GENERATION, 812.4);

    ScorePayload score = evaluator.evaluate(o).orElseThrow();

    assertThat(score.getName()).isEqualTo("latency_budget");
    assertThat(score.getValue()).isEqualTo(1.0);
    assertThat(score.getDataType()).isEqualTo(ScoreDataType.BOOLEAN);
    assertThat(score.getSource()).isEqualTo(ScoreSource.EVAL);
    assertThat(score.getComment()).isEqualTo("812 ms within budget 2000 ms");
    assertThat(score.getTraceId()).isEqualTo(o.getObservation().getTraceId());
    assertThat(score.getObservationId()).isEqualTo(o.getObservation().getObservationId());
    assertThat(score.getTimestampMicros()).isEqualTo(1_795_947_330_123_456L);
  }

  @Test
  void scoresALatencyExactlyAtTheBudgetAsOne() {
    EnrichedObservation o = Observations.enriched("p1", ObservationType.GENERATION, 2000.0);

    assertThat(evaluator.evaluate(o).orElseThrow().getValue()).isEqualTo(1.0);
  }

  @Test
  void scoresAGenerationOverTheBudgetAsZero() {
    EnrichedObservation o = Observations.enriched("p1", ObservationType.GENERATION, 5000.0);

    ScorePayload score = evaluator.evaluate(o).orElseThrow();

    assertThat(score.getValue()).isEqualTo(0.0);
    assertThat(score.getComment()).isEqualTo("5000 ms over budget 2000 ms");
  }

  @Test
  void givesNoScoreWithoutALatency() {
    EnrichedObservation o = Observations.enriched("p1", ObservationType.GENERATION, null);

    assertThat(evaluator.evaluate(o)).isEmpty();
  }

  @Test
  void givesNoScoreToATypeThatIsNotConfigured() {
    EnrichedObservation o = Observations.enriched("p1", ObservationType.SPAN, 5000.0);

    assertThat(evaluator.evaluate(o)).isEmpty();
  }

  @Test
  void scoresEveryConfiguredType() {
    LatencyBudgetEvaluator spansToo =
        new LatencyBudgetEvaluator(
            Duration.ofMillis(100),
            Set.of(ObservationType.GENERATION, ObservationType.SPAN),
            Clock.systemUTC());

    assertThat(spansToo.evaluate(Observations.enriched("p1", ObservationType.SPAN, 50.0)))
        .hasValueSatisfying(s -> assertThat(s.getValue()).isEqualTo(1.0));
  }

  @Test
  void givesTheSameScoreIdWhenTheSameObservationIsEvaluatedAgain() {
    EnrichedObservation o = Observations.enriched("p1", ObservationType.GENERATION, 100.0);
    EnrichedObservation updated = copyOf(o);
    updated.setLatencyMs(3000.0);

    String first = evaluator.evaluate(o).orElseThrow().getScoreId();
    String again = evaluator.evaluate(updated).orElseThrow().getScoreId();

    assertThat(again).isEqualTo(first);
    assertThat(first)
        .isEqualTo(ScoreIds.of("p1", o.getObservation().getObservationId(), "latency_budget"));
  }

  @Test
  void givesDifferentScoreIdsToTheSameObservationIdInAnotherProject() {
    EnrichedObservation o = Observations.enriched("p1", ObservationType.GENERATION, 100.0);
    EnrichedObservation elsewhere = copyOf(o);
    elsewhere.setProjectId("p2");

    assertThat(evaluator.evaluate(elsewhere).orElseThrow().getScoreId())
        .isNotEqualTo(evaluator.evaluate(o).orElseThrow().getScoreId());
  }

  @Test
  void rejectsANonPositiveBudget() {
    assertThatThrownBy(
            () ->
                new LatencyBudgetEvaluator(
                    Duration.ZERO, Set.of(ObservationType.GENERATION), Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be positive");
  }

  private static EnrichedObservation copyOf(EnrichedObservation o) {
    return Topics.ENRICHED_OBSERVATIONS
        .valueSerde()
        .deserializer()
        .deserialize(
            null, Topics.ENRICHED_OBSERVATIONS.valueSerde().serializer().serialize(null, o));
  }
}
