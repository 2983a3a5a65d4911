package dev.sightline.query.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.clickhouse.Sql;
import dev.sightline.query.domain.InvalidRequestException;
import dev.sightline.query.domain.metrics.CostDistribution;
import dev.sightline.query.domain.metrics.LatencyDistribution;
import dev.sightline.query.domain.metrics.TraceDistribution;
import dev.sightline.query.domain.metrics.TraceDistributionQuery;
import dev.sightline.query.domain.metrics.TraceDistributionReport;
import java.util.ArrayList;
import java.util.List;

/** Per-trace cost and latency distributions, computed in ClickHouse from raw observations. */
final class TraceDistributionRows {

  private TraceDistributionRows() {}

  static TraceDistributionReport report(
      ClickHouseRows rows,
      String projectId,
      TraceDistributionQuery q,
      int maxGroups,
      CleanPartitions clean) {
    List<TraceDistribution> groups = new ArrayList<>();
    rows.forEach(
        select(projectId, q, maxGroups + 1, clean),
        row -> {
          if (row.path("traces").asLong() == 0) {
            // Without GROUP BY an empty range still yields one row of zeros; report no group.
            return;
          }
          if (groups.size() >= maxGroups) {
            throw new InvalidRequestException(
                "groupBy: more than " + maxGroups + " trace names; add name= or narrow from/to");
          }
          groups.add(distribution(row, q.byName()));
        });
    return new TraceDistributionReport(q.from(), q.to(), q.byName() ? "name" : null, groups);
  }

  /** Each trace's summed cost and span first, then exact quantiles over the traces. */
  static String select(
      String projectId, TraceDistributionQuery q, int maxRows, CleanPartitions clean) {
    List<String> where = new ArrayList<>();
    where.add("project_id = " + Sql.quote(projectId));
    where.add("event_date >= toDate(" + Sql.quote(MetricsSql.day(q.from())) + ")");
    where.add("event_date <= toDate(" + Sql.quote(MetricsSql.day(q.to())) + ")");
    where.add("timestamp_us >= " + Sql.number(MetricsSql.micros(q.from())));
    where.add("timestamp_us < " + Sql.number(MetricsSql.micros(q.to())));
    if (q.name() != null) {
      where.add("name = " + Sql.quote(q.name()));
    }
    if (q.environment() != null) {
      where.add("environment = " + Sql.quote(q.environment()));
    }
    String traceWhere = String.join(" AND ", where);
    return "SELECT "
        + (q.byName() ? "t_name, " : "")
        + "count() AS traces,"
        + " quantilesExact(0.5, 0.95, 0.99)(cost) AS cost_q, avg(cost) AS cost_mean,"
        + " sum(cost) AS cost_total, quantilesExact(0.5, 0.95, 0.99)(latency_ms) AS latency_q"
        + " FROM (SELECT trace_id, name AS t_name FROM "
        + clean.from("traces", "trace_id, name", traceWhere, "project_id = " + Sql.quote(projectId))
        + ") ANY INNER JOIN (SELECT trace_id, sum(ifNull(cost_total, 0)) AS cost,"
        + " (max(ifNull(end_time_us, start_time_us)) - min(start_time_us)) / 1000 AS latency_ms"
        // Collapsed reads: a re-delivered observation must not count twice in its trace's cost.
        + " FROM "
        + clean.from(
            "observations",
            "trace_id, cost_total, start_time_us, end_time_us",
            "project_id = "
                + Sql.quote(projectId)
                + " AND trace_id IN (SELECT trace_id FROM "
                + clean.from(
                    "traces", "trace_id", traceWhere, "project_id = " + Sql.quote(projectId))
                + ")",
            "project_id = " + Sql.quote(projectId))
        + " GROUP BY trace_id) USING trace_id"
        + (q.byName() ? " GROUP BY t_name ORDER BY t_name" : "")
        + " LIMIT "
        + Sql.number((long) maxRows);
  }

  private static TraceDistribution distribution(JsonNode row, boolean byName) {
    JsonNode cost = row.path("cost_q");
    JsonNode latency = row.path("latency_q");
    String name = byName ? row.path("t_name").asText() : null;
    return new TraceDistribution(
        name == null || name.isEmpty() ? null : name,
        row.path("traces").asLong(),
        new CostDistribution(
            cost.path(0).asDouble(),
            cost.path(1).asDouble(),
            cost.path(2).asDouble(),
            row.path("cost_mean").asDouble(),
            row.path("cost_total").asDouble()),
        new LatencyDistribution(
            latency.path(0).asDouble(), latency.path(1).asDouble(), latency.path(2).asDouble()));
  }
}
