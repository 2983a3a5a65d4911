package dev.sightline.query.storage;

import static dev.sightline.query.storage.ClickHouseJson.float64;
import static dev.sightline.query.storage.ClickHouseJson.int32;
import static dev.sightline.query.storage.ClickHouseJson.int64;
import static dev.sightline.query.storage.ClickHouseJson.micros;
import static dev.sightline.query.storage.ClickHouseJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.query.domain.search.ObservationSearch;
import dev.sightline.query.domain.search.ObservationSummary;
import dev.sightline.query.domain.search.TraceCursor;
import dev.sightline.query.domain.trace.Cost;
import dev.sightline.query.domain.trace.Usage;

/** Maps rows of {@link ObservationSearchSql} to summaries and cursors. */
final class ObservationSearchRows {

  private ObservationSearchRows() {}

  static ObservationSummary summary(JsonNode row) {
    Long start = int64(row, "start_time_us");
    Long end = int64(row, "end_time_us");
    Double latency = float64(row, "latency_ms");
    if (latency == null && start != null && end != null) {
      latency = (end - start) / 1000.0;
    }
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
        new Usage(
            int64(row, "usage_input"),
            int64(row, "usage_output"),
            int64(row, "usage_cache_read"),
            int64(row, "usage_cache_creation"),
            int64(row, "usage_total")),
        new Cost(
            float64(row, "cost_input"),
            float64(row, "cost_output"),
            float64(row, "cost_total"),
            text(row, "cost_source"),
            text(row, "cost_note")),
        latency);
  }

  static TraceCursor cursor(JsonNode row, ObservationSearch search) {
    return new TraceCursor(
        search.sort(),
        search.descending(),
        row.path(ObservationSearchSql.sortColumn(search.sort())).asLong(),
        row.path("row_key").asText());
  }
}
