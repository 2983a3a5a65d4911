package dev.sightline.systemtest;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What ClickHouse holds for one test's traces (trace ids starting with a tag), read through the
 * same collapsing reads query-service uses ({@code FINAL}).
 */
final class StoredRows {

  private final PrivateClickHouse clickHouse;
  private final String database;

  StoredRows(PrivateClickHouse clickHouse, String database) {
    this.clickHouse = clickHouse;
    this.database = database;
  }

  /** The distinct {@code traceId/observationId} of stored observations with this tag. */
  Set<String> observations(String tag) throws IOException, InterruptedException {
    String body =
        clickHouse.query(
            "SELECT DISTINCT concat(trace_id, '/', observation_id) FROM "
                + database
                + ".observations FINAL WHERE "
                + tagged(tag)
                + " FORMAT TabSeparated");
    return Arrays.stream(body.split("\n")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
  }

  /** Observations that a query would see more than once (0 when FINAL collapses every copy). */
  long duplicateObservations(String tag) throws IOException, InterruptedException {
    return count(
        "SELECT count() FROM (SELECT trace_id, observation_id, count() AS c FROM "
            + database
            + ".observations FINAL WHERE "
            + tagged(tag)
            + " GROUP BY trace_id, observation_id HAVING c > 1)");
  }

  /** Traces that a query would see more than once. */
  long duplicateTraces(String tag) throws IOException, InterruptedException {
    return count(
        "SELECT count() FROM (SELECT trace_id, count() AS c FROM "
            + database
            + ".traces FINAL WHERE "
            + tagged(tag)
            + " GROUP BY trace_id HAVING c > 1)");
  }

  /** Distinct stored traces with this tag. */
  long traces(String tag) throws IOException, InterruptedException {
    return count(
        "SELECT uniqExact(trace_id) FROM " + database + ".traces FINAL WHERE " + tagged(tag));
  }

  /** Runs a {@code SELECT count()}-like query and returns its single number. */
  long count(String sql) throws IOException, InterruptedException {
    return Long.parseLong(clickHouse.query(sql + " FORMAT TabSeparated").trim());
  }

  /** Runs any query against the private server; TabSeparated unless the SQL says otherwise. */
  String clickHouseQuery(String sql) throws IOException, InterruptedException {
    return clickHouse.query(sql);
  }

  String database() {
    return database;
  }

  static String tagged(String tag) {
    if (!tag.matches("[0-9a-f]{8}")) {
      throw new IllegalArgumentException("a tag is 8 hex characters: " + tag);
    }
    return "substring(trace_id, 1, 8) = '" + tag + "'";
  }
}
