package dev.sightline.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SustainRuleTest {

  @Test
  void aStepWithAFlatBacklogThatDrainedIsSustained() {
    SustainRule.Verdict v = SustainRule.judge(step(10_000, 200_000, 0, sawtooth(5_000, 0), 1.5));

    assertThat(v.sustained()).isTrue();
    assertThat(v.reason()).isEqualTo("ok");
  }

  @Test
  void aBacklogGrowingByAFifthOfTheRateIsNotSustained() {
    SustainRule.Verdict v = SustainRule.judge(step(10_000, 200_000, 0, sawtooth(5_000, 2_000), 9));

    assertThat(v.sustained()).isFalse();
    assertThat(v.reason()).startsWith("backlog grew 2,000 records/s");
  }

  @Test
  void anyErrorMakesAStepNotSustained() {
    SustainRule.Verdict v = SustainRule.judge(step(10_000, 200_000, 1, sawtooth(5_000, 0), 1));

    assertThat(v.sustained()).isFalse();
    assertThat(v.reason()).isEqualTo("1 errors");
  }

  @Test
  void ingestFallingBehindTheScheduleIsNotSustained() {
    // 20 s offered at 10,000/s, but the last answer came after 25 s.
    StepResult late =
        new StepResult(
            "late",
            10_000,
            20,
            25,
            200_000,
            0,
            900,
            sawtooth(1_000, 0),
            Map.of(),
            200_000,
            200_000,
            1,
            null);

    assertThat(SustainRule.judge(late).sustained()).isFalse();
    assertThat(SustainRule.judge(late).reason()).startsWith("ingest acked 8,000 of 10,000");
  }

  @Test
  void aBacklogThatDidNotDrainIsNotSustainedEvenWhenFlat() {
    SustainRule.Verdict v =
        SustainRule.judge(step(10_000, 200_000, 0, sawtooth(5_000, 0), Double.NaN));

    assertThat(v.sustained()).isFalse();
    assertThat(v.reason()).contains("did not drain");
  }

  @Test
  void ackedSpansMissingFromClickHouseMakeAStepNotSustained() {
    StepResult lost =
        new StepResult(
            "lost",
            10_000,
            20,
            20,
            200_000,
            0,
            50,
            sawtooth(1_000, 0),
            Map.of(),
            150_000,
            190_000,
            1,
            null);

    assertThat(SustainRule.judge(lost).reason()).isEqualTo("190,000 of 200,000 acked spans stored");
  }

  @Test
  void lagGrowthIsTheSlopeOfTheSecondHalfOnly() {
    List<LagSample> lag = new ArrayList<>();
    for (int t = 0; t <= 20; t++) {
      // Climbs steeply while the first half warms up, then stays flat.
      lag.add(new LagSample(t, t <= 10 ? t * 10_000L : 100_000));
    }

    assertThat(SustainRule.lagGrowthPerSecond(lag)).isEqualTo(0.0);
    assertThat(SustainRule.lagGrowthPerSecond(lag.subList(0, 11))).isGreaterThan(9_000);
  }

  private static StepResult step(
      double rate, long acked, long errors, List<LagSample> lag, double drain) {
    return new StepResult(
        "s", rate, 20, 20, acked, errors, 50, lag, Map.of(), acked, acked, drain, null);
  }

  // A sink-like sawtooth of the given amplitude on a line rising by `growth` records/s.
  private static List<LagSample> sawtooth(long amplitude, long growth) {
    List<LagSample> lag = new ArrayList<>();
    for (int i = 0; i <= 40; i++) {
      double t = i * 0.5;
      lag.add(new LagSample(t, (i % 2 == 0 ? amplitude : 0) + (long) (growth * t)));
    }
    return lag;
  }
}
