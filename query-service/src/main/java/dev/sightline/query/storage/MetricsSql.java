package dev.sightline.query.storage;

import dev.sightline.clickhouse.Sql;
import dev.sightline.query.domain.metrics.MetricsDimension;
import dev.sightline.query.domain.metrics.MetricsQuery;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one builder of metrics SQL: group columns only from the {@link MetricsDimension} allow-list,
 * every value through {@link Sql}. Runs on ClickHouse 18.16 (no toStartOfInterval, no Map).
 */
final class MetricsSql {

  private MetricsSql() {}

  /** Group key columns (aliases {@code k_*}) of a dimension, in the aggregates or raw rows. */
  static List<String> keyColumns(MetricsDimension d) {
    return switch (d) {
      case STEP -> List.of("name AS k_step");
      case MODEL -> List.of("model AS k_model");
      case PROMPT ->
          List.of("prompt_name AS k_prompt_name", "o_prompt_version AS k_prompt_version");
      case ENVIRONMENT -> List.of("environment AS k_environment");
      case RELEASE -> List.of("t_release AS k_release");
      case USER -> List.of("t_user_id AS k_user");
    };
  }

  /** The aggregate columns both the minute and the hourly rows are read with, in this order. */
  private static final String AGGREGATE_COLUMNS =
      "window_start, environment, name, model, prompt_name, prompt_version, count, errors,"
          + " input_tokens, output_tokens, cost_usd, latency_bin_index, latency_bin_count,"
          + " latency_zero_count, latency_sketch";

  /**
   * Windows of the aggregates summed per group and bucket, sketch bins summed by index (sumMap);
   * only windows written before migration 0004 leave base64 sketches to merge in Java. Whole days
   * and hours of the {@code rolledUp} days, and the rolled-up hours of open days (see
   * AggregateRollups) are read from the rollup, everything else from the 1-minute windows ({@link
   * RollupPlan}).
   */
  static String aggregates(
      String projectId,
      MetricsQuery q,
      boolean bucketed,
      CleanPartitions clean,
      AggregateRollups.Usable rolledUp) {
    List<String> where = new ArrayList<>();
    where.add("project_id = " + Sql.quote(projectId));
    where.add("window_date >= toDate(" + Sql.quote(day(q.from())) + ")");
    where.add("window_date <= toDate(" + Sql.quote(day(q.to())) + ")");
    filters(where, q, "prompt_version");
    RollupPlan plan =
        RollupPlan.of(
            ceilSeconds(q.from()),
            ceilSeconds(q.to()),
            rolledUp.days().keySet(),
            rolledUp.openUntil(),
            bucketed ? q.interval() : null);
    List<String> sources = new ArrayList<>();
    List<RollupPlan.Segment> minutes = plan.from(RollupPlan.Source.MINUTE);
    if (!minutes.isEmpty() || plan.segments().isEmpty()) {
      List<String> minuteWhere = new ArrayList<>(where);
      // An empty range still answers (with no rows), so the query keeps one source.
      minuteWhere.add(minutes.isEmpty() ? "0" : ranges(minutes));
      if (!minutes.isEmpty()) {
        // Named days prune whole partitions; the window ranges alone still read about two
        // granules in every partition of the range (114k rows for two minutes of a week).
        minuteWhere.add("window_date IN " + days(minutes));
      }
      sources.add(
          "SELECT "
              + AGGREGATE_COLUMNS
              + " FROM "
              // Every filter here is on the window identity (see CleanPartitions).
              + clean.fromByIdentity(
                  "observation_aggregates", AGGREGATE_COLUMNS, String.join(" AND ", minuteWhere)));
    }
    List<String> periods = new ArrayList<>();
    for (RollupPlan.Source source : List.of(RollupPlan.Source.HOUR, RollupPlan.Source.DAY)) {
      List<RollupPlan.Segment> segments = plan.from(source);
      if (!segments.isEmpty()) {
        long resolution = source == RollupPlan.Source.HOUR ? RollupPlan.HOUR : RollupPlan.DAY;
        periods.add("resolution_s = " + Sql.number(resolution) + " AND " + ranges(segments));
      }
    }
    if (!periods.isEmpty()) {
      List<String> rollupWhere = new ArrayList<>(where);
      rollupWhere.add("(" + String.join(" OR ", periods) + ")");
      // Only rows built from the parts each day consists of now (older rollups may linger).
      rollupWhere.add(
          "source_part IN ("
              + rolledUp.tags().stream().map(Sql::quote).collect(Collectors.joining(", "))
              + ")");
      sources.add(
          "SELECT "
              + AGGREGATE_COLUMNS.replace("latency_sketch", "'' AS latency_sketch")
              + " FROM "
              + AggregateRollups.TABLE
              + " WHERE "
              + String.join(" AND ", rollupWhere));
    }
    String bucket = bucket("toUInt32(window_start)", q.interval(), bucketed);
    return select(q, bucket)
        + ", sum(count) AS n, sum(errors) AS errs, sum(input_tokens) AS tin,"
        + " sum(output_tokens) AS tout, sum(cost_usd) AS cost,"
        + " sumMap(latency_bin_index, latency_bin_count) AS bins, sum(latency_zero_count) AS zeros,"
        + " groupArrayIf(latency_sketch, latency_sketch != '') AS sketches"
        + " FROM (SELECT *, prompt_version AS o_prompt_version FROM ("
        + String.join(" UNION ALL ", sources)
        + "))"
        + groupAndOrder(q);
  }

  // The UTC days the segments' windows start in, as a list of Date literals.
  private static String days(List<RollupPlan.Segment> segments) {
    Set<String> days = new HashSet<>();
    for (RollupPlan.Segment s : segments) {
      for (long t = Math.floorDiv(s.fromSeconds(), RollupPlan.DAY) * RollupPlan.DAY;
          t < s.toSeconds();
          t += RollupPlan.DAY) {
        days.add(SearchSql.day(Instant.ofEpochSecond(t)));
      }
    }
    return CleanPartitions.days(days);
  }

  // Window starts in any of the segments, as plain DateTime comparisons the primary key can use.
  private static String ranges(List<RollupPlan.Segment> segments) {
    return "("
        + segments.stream()
            .map(
                s ->
                    "(window_start >= toDateTime("
                        + Sql.number(s.fromSeconds())
                        + ") AND window_start < toDateTime("
                        + Sql.number(s.toSeconds())
                        + "))")
            .collect(Collectors.joining(" OR "))
        + ")";
  }

  /** Raw observations joined to their traces' release and user, with exact quantiles. */
  static String observations(
      String projectId, MetricsQuery q, boolean bucketed, CleanPartitions clean) {
    List<String> where = new ArrayList<>();
    where.add("project_id = " + Sql.quote(projectId));
    where.add("event_date >= toDate(" + Sql.quote(day(q.from())) + ")");
    where.add("event_date <= toDate(" + Sql.quote(day(q.to())) + ")");
    where.add("start_time_us >= " + Sql.number(micros(q.from())));
    where.add("start_time_us < " + Sql.number(micros(q.to())));
    filters(where, q, "ifNull(prompt_version, 0)");
    String obsWhere = String.join(" AND ", where);
    String bucket = bucket("intDiv(start_time_us, 1000000)", q.interval(), bucketed);
    return select(q, bucket)
        + ", count() AS n, countIf(level = 'ERROR') AS errs, sum(ifNull(usage_input, 0)) AS tin,"
        + " sum(ifNull(usage_output, 0)) AS tout, sum(ifNull(cost_total, 0)) AS cost,"
        + " countIf(isNotNull(latency_ms)) AS timed, quantilesExactIf(0.5, 0.95, 0.99)"
        + "(assumeNotNull(latency_ms), isNotNull(latency_ms)) AS latency"
        + " FROM (SELECT trace_id, name, model, prompt_name,"
        + " ifNull(prompt_version, 0) AS o_prompt_version, environment, start_time_us, level,"
        + " usage_input, usage_output, cost_total, latency_ms FROM "
        + clean.from(
            "observations",
            "trace_id, name, model, prompt_name, prompt_version, environment, start_time_us,"
                + " level, usage_input, usage_output, cost_total, latency_ms",
            obsWhere,
            "project_id = " + Sql.quote(projectId))
        + ") ANY LEFT JOIN (SELECT trace_id, release AS t_release, user_id AS t_user_id FROM "
        + clean.from(
            "traces",
            "trace_id, release, user_id",
            "project_id = "
                + Sql.quote(projectId)
                + " AND trace_id IN (SELECT trace_id FROM "
                + clean.from(
                    "observations", "trace_id", obsWhere, "project_id = " + Sql.quote(projectId))
                + ")",
            "project_id = " + Sql.quote(projectId))
        + ") USING trace_id"
        + groupAndOrder(q);
  }

  private static String select(MetricsQuery q, String bucket) {
    List<String> columns = new ArrayList<>();
    for (MetricsDimension d : q.groupBy()) {
      columns.addAll(keyColumns(d));
    }
    columns.add(bucket + " AS bucket");
    return "SELECT " + String.join(", ", columns);
  }

  private static String groupAndOrder(MetricsQuery q) {
    List<String> keys = new ArrayList<>();
    for (MetricsDimension d : q.groupBy()) {
      for (String column : keyColumns(d)) {
        keys.add(column.substring(column.lastIndexOf(' ') + 1));
      }
    }
    keys.add("bucket");
    String list = String.join(", ", keys);
    return " GROUP BY " + list + " ORDER BY " + list;
  }

  private static void filters(List<String> where, MetricsQuery q, String promptVersion) {
    equal(where, "environment", q.environment());
    equal(where, "name", q.name());
    equal(where, "model", q.model());
    equal(where, "prompt_name", q.promptName());
    if (q.promptVersion() != null) {
      where.add(promptVersion + " = " + Sql.number((long) q.promptVersion()));
    }
  }

  private static void equal(List<String> where, String column, String value) {
    if (value != null) {
      where.add(Sql.identifier(column) + " = " + Sql.quote(value));
    }
  }

  // Buckets are aligned to multiples of the interval since the epoch (UTC), so 1d = UTC days.
  private static String bucket(String seconds, Duration interval, boolean bucketed) {
    if (!bucketed) {
      return "toUInt32(0)";
    }
    long width = interval.toSeconds();
    return "intDiv(" + seconds + ", " + Sql.number(width) + ") * " + Sql.number(width);
  }

  private static long ceilSeconds(Instant instant) {
    return instant.getEpochSecond() + (instant.getNano() > 0 ? 1 : 0);
  }

  static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
  }

  static String day(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
  }
}
