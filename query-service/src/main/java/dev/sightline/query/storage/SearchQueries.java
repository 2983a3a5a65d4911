package dev.sightline.query.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.clickhouse.ClickHouseClient;
import dev.sightline.clickhouse.ClickHouseException;
import dev.sightline.query.config.QueryConfig;
import dev.sightline.query.domain.search.SearchTooExpensiveException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** Runs search SELECTs under the per-request ClickHouse limits of {@code sightline.query}. */
@ApplicationScoped
class SearchQueries {

  @Inject ClickHouseClient clickHouse;
  @Inject QueryConfig config;

  /** The rows of a SELECT, stopped by ClickHouse at the configured time and row limits. */
  List<JsonNode> rows(String sql) {
    Map<String, String> settings =
        Map.of(
            "max_execution_time",
            Long.toString(Math.max(1, config.query().timeout().toSeconds())),
            "max_result_rows",
            Long.toString(config.query().maxResultRows()));
    try {
      return TraceSearchRows.parse(clickHouse.query(sql + "\nFORMAT JSONEachRow", settings));
    } catch (ClickHouseException e) {
      // 159 TIMEOUT_EXCEEDED, 158/396 TOO_MANY_ROWS: the search is too broad, not a broken store.
      String message = String.valueOf(e.getMessage());
      if (message.contains("Code: 159")
          || message.contains("Code: 158")
          || message.contains("Code: 396")) {
        throw new SearchTooExpensiveException(
            "The search exceeded the time or row limit of the trace store; narrow from/to or add"
                + " filters.",
            e);
      }
      throw e;
    }
  }
}
