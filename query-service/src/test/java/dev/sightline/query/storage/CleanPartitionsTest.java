package dev.sightline.query.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CleanPartitionsTest {

  @Test
  void readsEverythingWithFinalWhenNoDayIsKnownClean() {
    String from = CleanPartitions.NONE.from("traces", "trace_id", "project_id = 'p'");

    assertThat(from).isEqualTo("(SELECT trace_id FROM traces FINAL WHERE project_id = 'p')");
  }

  @Test
  void readsCleanDaysWithoutFinalAndEveryOtherDayWithIt() {
    CleanPartitions clean =
        new CleanPartitions(Map.of("observations", Set.of("2026-11-27", "2026-11-26")));

    String from = clean.from("observations", "trace_id, cost_total", "project_id = 'p'");

    assertThat(from)
        .isEqualTo(
            "(SELECT trace_id, cost_total FROM observations WHERE project_id = 'p' AND event_date"
                + " IN (toDate('2026-11-26'), toDate('2026-11-27')) UNION ALL SELECT trace_id,"
                + " cost_total FROM observations FINAL WHERE project_id = 'p' AND event_date NOT IN"
                + " (toDate('2026-11-26'), toDate('2026-11-27')))");
  }

  @Test
  void usesTheWindowDayForTheAggregates() {
    CleanPartitions clean =
        new CleanPartitions(Map.of("observation_aggregates", Set.of("2026-11-27")));

    assertThat(clean.from("observation_aggregates", "count", "1"))
        .contains("window_date IN (toDate('2026-11-27'))")
        .contains("window_date NOT IN");
    assertThat(clean.from("traces", "trace_id", "1")).contains("traces FINAL");
  }
}
