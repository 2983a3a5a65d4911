package dev.sightline.query.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.query.domain.search.ObservationSearch;
import dev.sightline.query.domain.search.TraceCursor;
import dev.sightline.query.domain.search.TraceSort;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ObservationSearchSqlTest {

  private static final Instant FROM = Instant.parse("2026-11-28T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-11-29T00:00:00Z");

  @Test
  void scopesObservationsAndTheirTracesToTheProject() {
    String sql = ObservationSearchSql.select("proj_x", search("u", null), 51);

    assertThat(sql).contains("FROM observations WHERE project_id = 'proj_x'");
    assertThat(sql).contains("FROM traces WHERE project_id = 'proj_x' AND user_id = 'u'");
    assertThat(sql).endsWith("ORDER BY start_time_us DESC, row_key DESC LIMIT 51");
  }

  @Test
  void quotesEveryValueSoHostileTextStaysALiteral() {
    String sql = ObservationSearchSql.select("proj_x", search("a' OR 1=1 --\\", null), 1);

    assertThat(sql).contains("name = 'a\\' OR 1=1 --\\\\'");
    assertThat(sql)
        .contains("prompt_name = 'a\\' OR 1=1 --\\\\' AND ifNull(prompt_version, -1) = 4");
  }

  @Test
  void continuesAfterTheCursorWithTheRowKeyAsTieBreak() {
    TraceCursor cursor = new TraceCursor(TraceSort.LATENCY, false, 42, "2:t1o'1");
    String sql = ObservationSearchSql.select("proj_x", search(null, cursor), 5);

    assertThat(sql)
        .contains("(latency_us > 42 OR (latency_us = 42 AND row_key > '2:t1o\\'1'))")
        .endsWith("ORDER BY latency_us ASC, row_key ASC LIMIT 5");
  }

  private static ObservationSearch search(String text, TraceCursor cursor) {
    TraceSort sort = cursor == null ? TraceSort.TIMESTAMP : cursor.sort();
    return new ObservationSearch(
        FROM,
        TO,
        null,
        text,
        null,
        null,
        text,
        text == null ? null : 4,
        null,
        null,
        null,
        text,
        null,
        null,
        null,
        null,
        null,
        text,
        sort,
        cursor == null || cursor.descending(),
        50,
        cursor);
  }
}
