package dev.sightline.query.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.clickhouse.ClickHouseException;
import dev.sightline.query.domain.search.TraceCursor;
import dev.sightline.query.domain.search.TraceSearch;
import dev.sightline.query.domain.search.TraceSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Maps rows of {@link TraceSearchSql} to summaries and cursors. */
final class TraceSearchRows {

  private static final String[] LEVELS = {"DEBUG", "DEFAULT", "WARNING", "ERROR"};

  private static final ObjectMapper JSON = new ObjectMapper();

  private TraceSearchRows() {}

  /** The rows of a JSONEachRow body. */
  static List<JsonNode> parse(String body) {
    List<JsonNode> rows = new ArrayList<>();
    for (String line : body.split("\n")) {
      if (!line.isBlank()) {
        try {
          rows.add(JSON.readTree(line));
        } catch (JsonProcessingException e) {
          throw new ClickHouseException("unreadable row from ClickHouse: " + line, 0, e);
        }
      }
    }
    return rows;
  }

  static TraceSummary summary(JsonNode row) {
    long count = row.path("o_count").asLong();
    List<String> tags = new ArrayList<>();
    row.path("t_tags").forEach(t -> tags.add(t.asText()));
    JsonNode cost = row.path("o_cost");
    long micros = row.path("t_timestamp_us").asLong();
    return new TraceSummary(
        row.path("id").asText(),
        blankToNull(row.path("t_name").asText()),
        Instant.ofEpochSecond(
            Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000),
        blankToNull(row.path("t_user_id").asText()),
        blankToNull(row.path("t_session_id").asText()),
        tags,
        blankToNull(row.path("t_environment").asText()),
        blankToNull(row.path("t_release").asText()),
        count == 0 || cost.isNull() || cost.isMissingNode() ? null : cost.asDouble(),
        count == 0 ? null : row.path("o_latency_us").asLong() / 1000.0,
        count,
        count == 0
            ? null
            : LEVELS[(int) Math.max(0, Math.min(3, row.path("o_level_rank").asLong()))]);
  }

  static TraceCursor cursor(JsonNode row, TraceSearch search) {
    String column =
        switch (search.sort()) {
          case TIMESTAMP -> "t_timestamp_us";
          case COST -> "cost_nano_usd";
          case LATENCY -> "o_latency_us";
        };
    return new TraceCursor(
        search.sort(), search.descending(), row.path(column).asLong(), row.path("id").asText());
  }

  private static String blankToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
