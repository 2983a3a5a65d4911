package dev.sightline.query.storage;

import dev.sightline.clickhouse.Sql;
import dev.sightline.query.domain.search.TraceCursor;
import dev.sightline.query.domain.search.TraceSearch;
import dev.sightline.query.domain.search.TraceSort;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The one builder of trace search SQL: sort keys only from an allow-list, every value through
 * {@link Sql}. Runs on ClickHouse 18.16 (no tuple keyset, no query parameters).
 */
final class TraceSearchSql {

  // Every sort key is an Int64, so the cursor compares exactly (no float rounding).
  private static final Map<TraceSort, String> SORT_KEYS = new EnumMap<>(TraceSort.class);

  static {
    SORT_KEYS.put(TraceSort.TIMESTAMP, "t_timestamp_us");
    SORT_KEYS.put(TraceSort.COST, "cost_nano_usd");
    SORT_KEYS.put(TraceSort.LATENCY, "o_latency_us");
  }

  private TraceSearchSql() {}

  /** The SELECT of one page ({@code rows} rows at most) of this project's matching traces. */
  static String select(String projectId, TraceSearch s, int rows) {
    List<String> traceWhere = new ArrayList<>();
    traceWhere.add("project_id = " + Sql.quote(projectId));
    traceWhere.add("event_date >= toDate(" + Sql.quote(day(s.from())) + ")");
    traceWhere.add("event_date <= toDate(" + Sql.quote(day(s.to())) + ")");
    traceWhere.add("timestamp_us >= " + Sql.number(micros(s.from())));
    traceWhere.add("timestamp_us < " + Sql.number(micros(s.to())));
    equal(traceWhere, "name", s.name());
    equal(traceWhere, "user_id", s.userId());
    equal(traceWhere, "session_id", s.sessionId());
    equal(traceWhere, "environment", s.environment());
    equal(traceWhere, "release", s.release());
    for (String tag : s.tags()) {
      traceWhere.add("has(tags, " + Sql.quote(tag) + ")");
    }
    String traceFilter = String.join(" AND ", traceWhere);
    String q = s.q() == null ? null : Sql.quote(s.q());

    List<String> where = new ArrayList<>();
    if (s.model() != null) {
      where.add("has(o_models, " + Sql.quote(s.model()) + ")");
    }
    if (s.level() != null) {
      where.add("o_count > 0 AND o_level_rank = " + Sql.number(levelRank(s.level())));
    }
    if (s.hasError() != null) {
      where.add(s.hasError() ? "o_level_rank = 3" : "o_level_rank < 3");
    }
    if (s.minCost() != null) {
      where.add("cost_nano_usd >= " + Sql.number(nanoUsd(s.minCost())));
    }
    if (s.maxCost() != null) {
      where.add("cost_nano_usd <= " + Sql.number(nanoUsd(s.maxCost())));
    }
    if (s.minLatencyMs() != null) {
      where.add(
          "o_count > 0 AND o_latency_us >= " + Sql.number(Math.round(s.minLatencyMs() * 1000)));
    }
    if (s.maxLatencyMs() != null) {
      where.add(
          "o_count > 0 AND o_latency_us <= " + Sql.number(Math.round(s.maxLatencyMs() * 1000)));
    }
    if (q != null) {
      where.add("(t_q_hit = 1 OR o_q_hit = 1)");
    }
    String key = SORT_KEYS.get(s.sort());
    String direction = s.descending() ? "DESC" : "ASC";
    TraceCursor cursor = s.cursor();
    if (cursor != null) {
      String cmp = s.descending() ? "<" : ">";
      String value = Sql.number(cursor.sortValue());
      String id = Sql.quote(cursor.traceId());
      where.add(
          "("
              + key
              + " "
              + cmp
              + " "
              + value
              + " OR ("
              + key
              + " = "
              + value
              + " AND id "
              + cmp
              + " "
              + id
              + "))");
    }

    return "SELECT id, t_name, t_timestamp_us, t_user_id, t_session_id, t_tags, t_environment,"
        + " t_release, o_cost, o_count, o_level_rank, o_latency_us,"
        + " toInt64(round(ifNull(o_cost, 0) * 1000000000)) AS cost_nano_usd"
        + " FROM (SELECT trace_id AS id, name AS t_name, timestamp_us AS t_timestamp_us,"
        + " user_id AS t_user_id, session_id AS t_session_id, tags AS t_tags,"
        + " environment AS t_environment, release AS t_release, "
        + (q == null ? "0" : matches("input", q) + " OR " + matches("output", q))
        + " AS t_q_hit, trace_id"
        // FINAL: a re-delivered batch is collapsed only at merge time; reads must see one row.
        + " FROM traces FINAL WHERE "
        + traceFilter
        + ")"
        + " ANY LEFT JOIN (SELECT trace_id, sum(cost_total) AS o_cost, count() AS o_count,"
        + " max(multiIf(level = 'ERROR', 3, level = 'WARNING', 2, level = 'DEFAULT', 1, 0))"
        + " AS o_level_rank, groupUniqArray(model) AS o_models,"
        + " max(ifNull(end_time_us, start_time_us)) - min(start_time_us) AS o_latency_us, "
        + (q == null ? "0" : "max(" + matches("input", q) + " OR " + matches("output", q) + ")")
        + " AS o_q_hit FROM observations FINAL WHERE project_id = "
        + Sql.quote(projectId)
        + " AND trace_id IN (SELECT trace_id FROM traces FINAL WHERE "
        + traceFilter
        + ")"
        + " GROUP BY trace_id) USING trace_id"
        + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
        + " ORDER BY "
        + key
        + " "
        + direction
        + ", id "
        + direction
        + " LIMIT "
        + Sql.number((long) rows);
  }

  private static void equal(List<String> where, String column, String value) {
    if (value != null) {
      where.add(Sql.identifier(column) + " = " + Sql.quote(value));
    }
  }

  private static String matches(String column, String quoted) {
    return "positionCaseInsensitiveUTF8(" + Sql.identifier(column) + ", " + quoted + ") > 0";
  }

  static long levelRank(String level) {
    return switch (level) {
      case "ERROR" -> 3;
      case "WARNING" -> 2;
      case "DEFAULT" -> 1;
      default -> 0;
    };
  }

  static long nanoUsd(double usd) {
    return Math.round(usd * 1e9);
  }

  private static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
  }

  private static String day(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
  }
}
