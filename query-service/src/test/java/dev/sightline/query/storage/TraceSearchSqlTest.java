package dev.sightline.query.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.query.domain.search.TraceCursor;
import dev.sightline.query.domain.search.TraceSearch;
import dev.sightline.query.domain.search.TraceSort;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceSearchSqlTest {

  private static final Instant FROM = Instant.parse("2026-11-28T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-11-29T00:00:00Z");

  @Test
  void readsBothTablesCollapsedAndScopesThemToTheProject() {
    String sql = TraceSearchSql.select("proj_x", search("x", null), 51);

    assertThat(sql).contains("FROM traces WHERE project_id = 'proj_x'");
    assertThat(sql).contains("LIMIT 1 BY tuple(project_id, trace_id)");
    assertThat(sql).contains("FROM observations WHERE project_id = 'proj_x'");
    assertThat(sql).contains("LIMIT 1 BY tuple(project_id, trace_id, observation_id)");
    assertThat(sql).endsWith("ORDER BY t_timestamp_us DESC, id DESC LIMIT 51");
  }

  @Test
  void quotesEveryValueSoHostileTextStaysALiteral() {
    String sql = TraceSearchSql.select("proj_x", search("a' OR 1=1 FORMAT TSV \\", null), 1);

    assertThat(sql).contains("name = 'a\\' OR 1=1 FORMAT TSV \\\\'");
    assertThat(sql).contains("has(tags, 'a\\' OR 1=1 FORMAT TSV \\\\')");
  }

  @Test
  void continuesAfterTheCursorWithTheIdAsTieBreak() {
    TraceCursor cursor = new TraceCursor(TraceSort.COST, false, 42, "t'9");
    String sql = TraceSearchSql.select("proj_x", search(null, cursor), 5);

    assertThat(sql)
        .contains("(cost_nano_usd > 42 OR (cost_nano_usd = 42 AND id > 't\\'9'))")
        .endsWith("ORDER BY cost_nano_usd ASC, id ASC LIMIT 5");
  }

  @Test
  void cursorRoundTripsThroughItsOpaqueText() {
    TraceCursor cursor = new TraceCursor(TraceSort.LATENCY, true, -7, "id|with|bars");

    assertThat(TraceCursor.decode(cursor.encode(), TraceSort.LATENCY, true)).isEqualTo(cursor);
  }

  private static TraceSearch search(String text, TraceCursor cursor) {
    TraceSort sort = cursor == null ? TraceSort.TIMESTAMP : cursor.sort();
    boolean descending = cursor == null || cursor.descending();
    return new TraceSearch(
        FROM,
        TO,
        text,
        null,
        null,
        text == null ? List.of() : List.of(text),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        text,
        sort,
        descending,
        50,
        cursor);
  }
}
