package dev.sightline.query.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeSlicesTest {

  private static final Instant FROM = Instant.parse("2026-11-22T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-11-29T00:00:00Z");

  @Test
  void newestFirstSlicesGrowAndCoverTheWholeRangeWithoutGapsOrOverlap() {
    List<Instant[]> slices = TimeSlices.of(FROM, TO, true, null);

    assertThat(slices).hasSize(5);
    assertThat(slices.get(0)).containsExactly(Instant.parse("2026-11-28T23:00:00Z"), TO);
    for (int i = 1; i < slices.size(); i++) {
      assertThat(slices.get(i)[1]).isEqualTo(slices.get(i - 1)[0]);
    }
    assertThat(slices.get(slices.size() - 1)[0]).isEqualTo(FROM);
  }

  @Test
  void oldestFirstSlicesStartAtTheBeginning() {
    List<Instant[]> slices = TimeSlices.of(FROM, TO, false, null);

    assertThat(slices.get(0)).containsExactly(FROM, Instant.parse("2026-11-22T01:00:00Z"));
    assertThat(slices.get(slices.size() - 1)[1]).isEqualTo(TO);
  }

  @Test
  void aShortRangeIsOneSliceAndACursorStartsWhereThePreviousPageEnded() {
    Instant to = FROM.plusSeconds(600);
    assertThat(TimeSlices.of(FROM, to, true, null)).hasSize(1);

    Instant cursor = Instant.parse("2026-11-25T12:00:00Z");
    List<Instant[]> slices = TimeSlices.of(FROM, TO, true, cursor);
    assertThat(slices.get(0)[1]).isEqualTo(cursor);
    assertThat(slices.get(slices.size() - 1)[0]).isEqualTo(FROM);
  }
}
