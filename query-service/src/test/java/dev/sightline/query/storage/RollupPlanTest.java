package dev.sightline.query.storage;

import static dev.sightline.query.storage.RollupPlan.Source.DAY;
import static dev.sightline.query.storage.RollupPlan.Source.HOUR;
import static dev.sightline.query.storage.RollupPlan.Source.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.query.storage.RollupPlan.Segment;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RollupPlanTest {

  private static final long D1 = Instant.parse("2026-11-20T00:00:00Z").getEpochSecond();
  private static final long D2 = D1 + RollupPlan.DAY;
  private static final long D3 = D2 + RollupPlan.DAY;
  private static final long H = RollupPlan.HOUR;
  private static final Set<String> ALL_ROLLED = Set.of("2026-11-20", "2026-11-21", "2026-11-22");

  @Test
  void aRangeOverRolledDaysReadsWholeDaysByDayWholeHoursByHourAndTheRaggedEndsByMinute() {
    RollupPlan plan = RollupPlan.of(D1 + 90 * 60, D3 + 2 * H + 600, ALL_ROLLED, null);

    assertThat(plan.segments())
        .containsExactly(
            new Segment(MINUTE, D1 + 90 * 60, D1 + 2 * H),
            new Segment(HOUR, D1 + 2 * H, D2),
            new Segment(DAY, D2, D3),
            new Segment(HOUR, D3, D3 + 2 * H),
            new Segment(MINUTE, D3 + 2 * H, D3 + 2 * H + 600));
  }

  @Test
  void daysNotRolledUpAreReadByMinuteAndJoinTheirNeighbours() {
    RollupPlan plan = RollupPlan.of(D1 + 600, D3, Set.of("2026-11-21"), null);

    assertThat(plan.segments())
        .containsExactly(new Segment(MINUTE, D1 + 600, D2), new Segment(DAY, D2, D3));
  }

  @Test
  void hourlyBucketsNeverReadDayRowsAndFiveMinuteBucketsReadOnlyMinutes() {
    assertThat(RollupPlan.of(D1, D3, ALL_ROLLED, Duration.ofHours(1)).segments())
        .containsExactly(new Segment(HOUR, D1, D3));
    assertThat(RollupPlan.of(D1, D3, ALL_ROLLED, Duration.ofDays(1)).segments())
        .containsExactly(new Segment(DAY, D1, D3));
    assertThat(RollupPlan.of(D1, D3, ALL_ROLLED, Duration.ofMinutes(5)).segments())
        .containsExactly(new Segment(MINUTE, D1, D3));
  }

  @Test
  void theSegmentsCoverTheRangeExactlyOnceWhateverItsEnds() {
    for (long from = D1; from < D2 + 2 * H; from += 1234) {
      long to = from + 37 * H + 17;
      RollupPlan plan = RollupPlan.of(from, to, ALL_ROLLED, null);
      long at = from;
      for (Segment s : plan.segments()) {
        assertThat(s.fromSeconds()).isEqualTo(at);
        assertThat(s.toSeconds()).isGreaterThan(s.fromSeconds());
        long width = s.source() == DAY ? RollupPlan.DAY : s.source() == HOUR ? H : 1;
        assertThat(s.fromSeconds() % width).isZero();
        assertThat(s.toSeconds() % width).isZero();
        at = s.toSeconds();
      }
      assertThat(at).isEqualTo(to);
    }
  }

  @Test
  void anOpenDayReadsItsRolledUpHoursByHourNeverByDayAndTheRestByMinute() {
    Map<String, Long> open = Map.of("2026-11-21", D2 + 7 * H);

    assertThat(RollupPlan.of(D1, D2 + 9 * H + 60, Set.of("2026-11-20"), open, null).segments())
        .containsExactly(
            new Segment(DAY, D1, D2),
            new Segment(HOUR, D2, D2 + 7 * H),
            new Segment(MINUTE, D2 + 7 * H, D2 + 9 * H + 60));
    assertThat(RollupPlan.of(D2 + 1800, D2 + 5 * H, Set.of(), open, null).segments())
        .containsExactly(
            new Segment(MINUTE, D2 + 1800, D2 + H), new Segment(HOUR, D2 + H, D2 + 5 * H));
    assertThat(RollupPlan.of(D2, D3, Set.of(), open, Duration.ofMinutes(5)).segments())
        .containsExactly(new Segment(MINUTE, D2, D3));
  }
}
