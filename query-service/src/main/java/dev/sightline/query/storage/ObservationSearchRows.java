package dev.sightline.query.storage;

import static dev.sightline.query.storage.ClickHouseJson.int32;
import static dev.sightline.query.storage.ClickHouseJson.int64;
import static dev.sightline.query.storage.ClickHouseJson.micros;
import static dev.sightline.query.storage.ClickHouseJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.query.domain.search.ObservationSearch;
import dev.sightline.query.domain.search.ObservationSummary;
import dev.sightline.query.domain.search.TraceCursor;

/** Maps rows of {@link ObservationSearchSql} to summaries and cursors. */
final class ObservationSearchRows {

  private ObservationSearchRows() {}

  static ObservationSummary summary(JsonNode row) {
    Long start = int64(row, "start_time_us");
    Long end = int64(row, "end_time_us");
    return new ObservationSummary(
        text(row, "observation_id"),
        text(row, "trace_id"),
        text(row, "parent_observation_id"),
        text(row, "type"),
        text(row, "name"),
        micros(start),
        micros(end),
        text(row, "model"),
        text(row, "provider"),
        text(row, "prompt_name"),
        int32(row, "prompt_version"),
        text(row, "environment"),
        text(row, "level"),
        text(row, "status_message"),
        TraceRowMapper.usage(row),
        TraceRowMapper.cost(row),
        TraceRowMapper.latencyMs(row));
  }

  static TraceCursor cursor(JsonNode row, ObservationSearch search) {
    return new TraceCursor(
        search.sort(),
        search.descending(),
        row.path(ObservationSearchSql.sortColumn(search.sort())).asLong(),
        row.path("row_key").asText());
  }
}
