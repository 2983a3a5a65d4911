package dev.sightline.query.storage;

import dev.sightline.clickhouse.Sql;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The totals query of the session and user views; the grouping column is from an allow-list. */
final class ActivitySql {

  private static final Set<String> COLUMNS = Set.of("session_id", "user_id");

  private ActivitySql() {}

  /** One row of totals over this project's traces whose {@code column} is {@code value}. */
  static String totals(
      String projectId,
      String column,
      String value,
      Instant from,
      Instant to,
      CleanPartitions clean,
      TraceCandidates candidates) {
    if (!COLUMNS.contains(column)) {
      throw new IllegalArgumentException("not a grouping column: " + column);
    }
    List<String> where = new ArrayList<>();
    where.add("project_id = " + Sql.quote(projectId));
    where.add(Sql.identifier(column) + " = " + Sql.quote(value));
    SearchSql.range(where, "event_date", "timestamp_us", from, to);
    // The session's or user's traces by id (resolved, or the lookup range when there are too many
    // to name), not by a scan of every trace in the range.
    String ids =
        candidates != null
            ? candidates.sqlIn()
            : SearchSql.lookup(
                projectId, column.equals("session_id") ? "session" : "user", value, from, to);
    where.add(ids);
    String traceFilter = String.join(" AND ", where);
    String keys = "project_id = " + Sql.quote(projectId) + " AND " + ids;
    return "SELECT count() AS traces, uniqExactIf(session_id, session_id != '') AS sessions,"
        + " sum(o_count) AS observations, sum(o_tokens) AS tokens, sum(o_cost) AS cost,"
        + " sum(o_priced) AS priced, sum(o_errors) AS errors, min(timestamp_us) AS first_us,"
        + " max(timestamp_us) AS last_us, max(greatest(timestamp_us, o_end_us)) AS end_us"
        // Collapsed reads: a re-delivered batch is only merged away in the background.
        + " FROM "
        + traces(clean, candidates, traceFilter, keys)
        + " ANY LEFT JOIN (SELECT trace_id, count() AS o_count,"
        + " sum(ifNull(usage_total, ifNull(usage_input, 0) + ifNull(usage_output, 0)))"
        + " AS o_tokens, sum(ifNull(cost_total, 0)) AS o_cost,"
        + " countIf(isNotNull(cost_total)) AS o_priced, countIf(level = 'ERROR') AS o_errors,"
        + " max(ifNull(end_time_us, start_time_us)) AS o_end_us"
        + " FROM "
        + observations(projectId, from, to, clean, candidates, traceFilter, keys)
        + " GROUP BY trace_id) USING trace_id";
  }

  private static final String TRACE_COLUMNS = "trace_id, session_id, timestamp_us";
  private static final String OBSERVATION_COLUMNS =
      "trace_id, usage_total, usage_input, usage_output, cost_total, level, end_time_us,"
          + " start_time_us";

  // Collapsed reads: a re-delivered batch is only merged away in the background. Known candidate
  // ids are read in one pass (CleanPartitions.fromIds).
  private static String traces(
      CleanPartitions clean, TraceCandidates candidates, String traceFilter, String keys) {
    return candidates != null
        ? clean.fromIds("traces", TRACE_COLUMNS, traceFilter, keys)
        : clean.from("traces", TRACE_COLUMNS, traceFilter, keys);
  }

  // Observations start within a day of their trace (clock skew): only those days. The join keeps
  // the observations of matching traces only, so candidates' observations may be read as a
  // superset.
  private static String observations(
      String projectId,
      Instant from,
      Instant to,
      CleanPartitions clean,
      TraceCandidates candidates,
      String traceFilter,
      String keys) {
    String days =
        " AND event_date >= toDate("
            + Sql.quote(SearchSql.day(from))
            + ") - 1 AND event_date <= toDate("
            + Sql.quote(SearchSql.day(to))
            + ") + 1";
    if (candidates != null) {
      return clean.fromIds("observations", OBSERVATION_COLUMNS, "1", keys + days);
    }
    return clean.from(
        "observations",
        OBSERVATION_COLUMNS,
        "project_id = "
            + Sql.quote(projectId)
            + days
            + " AND trace_id IN (SELECT trace_id FROM "
            + clean.from("traces", "trace_id", traceFilter, keys)
            + ")",
        keys);
  }
}
