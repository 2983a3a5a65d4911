package dev.sightline.query.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CleanPartitionsTest {

  @Test
  void collapsesEveryDayWhenNoneIsKnownClean() {
    String from = CleanPartitions.NONE.from("traces", "trace_id", "project_id = 'p'");

    assertThat(from)
        .isEqualTo(
            "(SELECT trace_id FROM (SELECT trace_id, (project_id = 'p') AS sl_match FROM traces"
                + " WHERE 1 AND (project_id, trace_id) IN (SELECT project_id, trace_id FROM traces"
                + " WHERE project_id = 'p' AND 1) ORDER BY version DESC LIMIT 1 BY"
                + " tuple(project_id, trace_id)) WHERE sl_match)");
  }

  @Test
  void readsCleanDaysAsStoredAndCollapsesOnlyTheOtherDays() {
    CleanPartitions clean =
        new CleanPartitions(Map.of("observations", Set.of("2026-11-27", "2026-11-26")));

    String from = clean.from("observations", "trace_id, cost_total", "project_id = 'p'");

    assertThat(from)
        .startsWith(
            "(SELECT trace_id, cost_total FROM observations WHERE project_id = 'p' AND event_date"
                + " IN (toDate('2026-11-26'), toDate('2026-11-27')) UNION ALL SELECT")
        .contains(
            "WHERE 1 AND event_date NOT IN (toDate('2026-11-26'), toDate('2026-11-27')) AND (")
        .contains("LIMIT 1 BY tuple(project_id, trace_id, observation_id)")
        .doesNotContain("FINAL");
  }

  @Test
  void usesTheWindowDayAndWindowIdentityForTheAggregates() {
    CleanPartitions clean =
        new CleanPartitions(Map.of("observation_aggregates", Set.of("2026-11-27")));

    assertThat(clean.from("observation_aggregates", "count", "1"))
        .contains("window_date IN (toDate('2026-11-27'))")
        .contains("window_date NOT IN")
        .contains("tuple(project_id, window_start, environment, name, model, prompt_name,");
  }

  @Test
  void identityFiltersCollapseOnlyTheNamedDirtyDaysWithFinal() {
    CleanPartitions partitions =
        new CleanPartitions(
            Map.of("observation_aggregates", Set.of("2026-11-27")),
            Map.of("observation_aggregates", Set.of("2026-11-28")));

    assertThat(partitions.fromByIdentity("observation_aggregates", "count", "project_id = 'p'"))
        .isEqualTo(
            "(SELECT count FROM observation_aggregates WHERE project_id = 'p' AND window_date IN"
                + " (toDate('2026-11-27')) UNION ALL SELECT count FROM observation_aggregates FINAL"
                + " WHERE project_id = 'p' AND window_date IN (toDate('2026-11-28')))");
  }

  @Test
  void identityFiltersCollapseEverythingWhenThePartitionsAreUnknown() {
    assertThat(CleanPartitions.NONE.fromByIdentity("observation_aggregates", "count", "1"))
        .isEqualTo("(SELECT count FROM observation_aggregates FINAL WHERE 1)");
  }

  @Test
  void knownIdsPickTheirNewestVersionsInOnePassAndThenFilter() {
    String from =
        CleanPartitions.NONE.fromIds(
            "traces", "trace_id", "name = 'chat'", "project_id = 'p' AND trace_id IN ('a', 'b')");

    assertThat(from)
        .isEqualTo(
            "(SELECT trace_id FROM (SELECT trace_id, (name = 'chat') AS sl_match FROM traces WHERE"
                + " project_id = 'p' AND trace_id IN ('a', 'b') ORDER BY version DESC LIMIT 1 BY"
                + " tuple(project_id, trace_id)) WHERE sl_match)");
  }
}
