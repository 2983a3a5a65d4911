package dev.sightline.query.storage;

import static dev.sightline.query.storage.SearchSql.equal;
import static dev.sightline.query.storage.SearchSql.matches;

import dev.sightline.clickhouse.Sql;
import dev.sightline.query.domain.search.TraceSearch;
import dev.sightline.query.domain.search.TraceSort;
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

  /** {@link #select(String, TraceSearch, int, CleanPartitions, List)} reading all with FINAL. */
  static String select(String projectId, TraceSearch s, int rows) {
    return select(projectId, s, rows, CleanPartitions.NONE, null);
  }

  /**
   * The SELECT of one page ({@code rows} rows at most) of this project's matching traces; with
   * {@code pageIds} (from {@link #page}) only those traces are read.
   */
  static String select(
      String projectId, TraceSearch s, int rows, CleanPartitions clean, List<String> pageIds) {
    // Known ids replace the session/user lookup (TraceCandidates).
    List<String> traceWhere = traceWhere(projectId, s, clean, pageIds == null);
    String project = Sql.quote(projectId);
    String q = s.q() == null ? null : Sql.quote(s.q());
    String ids =
        pageIds == null
            ? null
            : "(" + String.join(", ", pageIds.stream().map(Sql::quote).toList()) + ")";
    if (ids != null) {
      traceWhere.add("trace_id IN " + ids);
    }
    String traceFilter = String.join(" AND ", traceWhere);
    // Identity-only conditions (project, a known page's trace ids) narrow the version lookups.
    String traceKeys =
        ids == null ? keys(projectId, s) : "project_id = " + project + " AND trace_id IN " + ids;
    // A known page names its traces; otherwise the observations of every matching trace.
    String observationTraces =
        ids != null
            ? ids
            : "(SELECT trace_id FROM "
                + clean.from("traces", "trace_id", traceFilter, keys(projectId, s))
                + ")";
    return "SELECT id, t_name, t_timestamp_us, t_user_id, t_session_id, t_tags, t_environment,"
        + " t_release, o_cost, o_count, o_level_rank, o_latency_us,"
        + " toInt64(round(ifNull(o_cost, 0) * 1000000000)) AS cost_nano_usd"
        + " FROM (SELECT trace_id AS id, name AS t_name, timestamp_us AS t_timestamp_us,"
        + " user_id AS t_user_id, session_id AS t_session_id, tags AS t_tags,"
        + " environment AS t_environment, release AS t_release, "
        + (q == null ? "0" : matches("input", q) + " OR " + matches("output", q))
        + " AS t_q_hit, trace_id"
        // Collapsed reads: a re-delivered batch is only merged away in the background.
        + " FROM "
        + (ids == null
            ? clean.from("traces", traceColumns(q != null), traceFilter, traceKeys)
            // Known ids: their newest versions in one pass, then the filters.
            : clean.fromIds("traces", traceColumns(q != null), traceFilter, traceKeys))
        + ")"
        + " ANY LEFT JOIN (SELECT trace_id, sum(cost_total) AS o_cost, count() AS o_count,"
        + " max(multiIf(level = 'ERROR', 3, level = 'WARNING', 2, level = 'DEFAULT', 1, 0))"
        + " AS o_level_rank, groupUniqArray(model) AS o_models,"
        + " max(ifNull(end_time_us, start_time_us)) - min(start_time_us) AS o_latency_us, "
        + (q == null ? "0" : "max(" + matches("input", q) + " OR " + matches("output", q) + ")")
        + " AS o_q_hit, "
        + (s.promptName() == null
            ? "0"
            : "max(" + SearchSql.prompt(s.promptName(), s.promptVersion()) + ")")
        + " AS o_prompt_hit FROM "
        + (ids == null
            ? clean.from(
                "observations",
                observationColumns(q != null),
                "project_id = " + project + " AND trace_id IN " + observationTraces,
                traceKeys)
            : clean.fromIds(
                "observations", observationColumns(q != null), "1", traceKeys + pageDays(s, ids)))
        + " GROUP BY trace_id) USING trace_id"
        + outerWhere(s, q != null)
        + " ORDER BY "
        + SORT_KEYS.get(s.sort())
        + (s.descending() ? " DESC, id DESC" : " ASC, id ASC")
        + " LIMIT "
        + Sql.number((long) rows);
  }

  /**
   * The ids of one newest-first page when {@link #pagedByTraces} holds: picked from the traces
   * alone, so the page query then aggregates only these traces' observations.
   */
  static String page(String projectId, TraceSearch s, int rows, CleanPartitions clean) {
    return "SELECT trace_id, timestamp_us FROM "
        + clean.from(
            "traces",
            "trace_id, timestamp_us",
            String.join(" AND ", traceWhere(projectId, s, clean, true)),
            keys(projectId, s))
        + (s.cursor() == null
            ? ""
            : " WHERE " + SearchSql.after("timestamp_us", "trace_id", s.cursor(), s.descending()))
        + " ORDER BY timestamp_us"
        + (s.descending() ? " DESC, trace_id DESC" : " ASC, trace_id ASC")
        + " LIMIT "
        + Sql.number((long) rows);
  }

  private static List<String> traceWhere(
      String projectId, TraceSearch s, CleanPartitions clean, boolean lookups) {
    String project = Sql.quote(projectId);
    List<String> traceWhere = new ArrayList<>();
    traceWhere.add("project_id = " + project);
    SearchSql.range(traceWhere, "event_date", "timestamp_us", s.from(), s.to());
    equal(traceWhere, "name", s.name());
    equal(traceWhere, "user_id", s.userId());
    equal(traceWhere, "session_id", s.sessionId());
    if (lookups) {
      traceWhere.addAll(lookups(projectId, s));
    }
    equal(traceWhere, "environment", s.environment());
    equal(traceWhere, "release", s.release());
    for (String tag : s.tags()) {
      traceWhere.add("has(tags, " + Sql.quote(tag) + ")");
    }
    if (s.scoreName() != null) {
      // Scores may arrive days after their trace, so they are not bounded by the trace range.
      List<String> scoreWhere = new ArrayList<>(List.of("project_id = " + project));
      equal(scoreWhere, "name", s.scoreName());
      if (s.minScore() != null) {
        scoreWhere.add("value >= " + Sql.number(s.minScore()));
      }
      if (s.maxScore() != null) {
        scoreWhere.add("value <= " + Sql.number(s.maxScore()));
      }
      traceWhere.add(
          "trace_id IN (SELECT trace_id FROM "
              + clean.from(
                  "scores", "trace_id", String.join(" AND ", scoreWhere), "project_id = " + project)
              + ")");
    }
    return traceWhere;
  }

  // The lookup ranges of a session or user filter (see SearchSql.lookup).
  private static List<String> lookups(String projectId, TraceSearch s) {
    List<String> out = new ArrayList<>();
    if (s.sessionId() != null) {
      out.add(SearchSql.lookup(projectId, "session", s.sessionId(), s.from(), s.to()));
    }
    if (s.userId() != null) {
      out.add(SearchSql.lookup(projectId, "user", s.userId(), s.from(), s.to()));
    }
    return out;
  }

  // Row-identity conditions every version of a matching trace shares: they may narrow the version
  // lookups (CleanPartitions keyFilter).
  private static String keys(String projectId, TraceSearch s) {
    List<String> keys = new ArrayList<>(List.of("project_id = " + Sql.quote(projectId)));
    keys.addAll(lookups(projectId, s));
    return String.join(" AND ", keys);
  }

  // A page's observations start within a day of their trace (clock skew): only those partitions,
  // also for picking their newest versions (a version whose start moved by more than a day would
  // not be seen; starts are set when an observation begins and do not move).
  private static String pageDays(TraceSearch s, String ids) {
    return ids == null
        ? ""
        : " AND event_date >= toDate("
            + Sql.quote(SearchSql.day(s.from()))
            + ") - 1 AND event_date <= toDate("
            + Sql.quote(SearchSql.day(s.to()))
            + ") + 1";
  }

  /** Whether time order and trace-level filters alone decide a page (see {@link #page}). */
  static boolean pagedByTraces(TraceSearch s) {
    return s.sort() == TraceSort.TIMESTAMP
        && s.q() == null
        && s.model() == null
        && s.promptName() == null
        && s.level() == null
        && s.hasError() == null
        && s.minCost() == null
        && s.maxCost() == null
        && s.minLatencyMs() == null
        && s.maxLatencyMs() == null;
  }

  // Input and output are the widest columns: read them only for a full-text search.
  private static String traceColumns(boolean text) {
    return "trace_id, name, timestamp_us, user_id, session_id, tags, environment, release"
        + (text ? ", input, output" : "");
  }

  private static String observationColumns(boolean text) {
    return "trace_id, cost_total, level, model, start_time_us, end_time_us, prompt_name,"
        + " prompt_version"
        + (text ? ", input, output" : "");
  }

  private static String outerWhere(TraceSearch s, boolean q) {
    List<String> where = new ArrayList<>();
    if (s.model() != null) {
      where.add("has(o_models, " + Sql.quote(s.model()) + ")");
    }
    if (s.promptName() != null) {
      where.add("o_prompt_hit = 1");
    }
    if (s.level() != null) {
      where.add("o_count > 0 AND o_level_rank = " + Sql.number(SearchSql.levelRank(s.level())));
    }
    if (s.hasError() != null) {
      where.add(s.hasError() ? "o_level_rank = 3" : "o_level_rank < 3");
    }
    if (s.minCost() != null) {
      where.add("cost_nano_usd >= " + Sql.number(SearchSql.nanoUsd(s.minCost())));
    }
    if (s.maxCost() != null) {
      where.add("cost_nano_usd <= " + Sql.number(SearchSql.nanoUsd(s.maxCost())));
    }
    if (s.minLatencyMs() != null) {
      where.add(
          "o_count > 0 AND o_latency_us >= " + Sql.number(Math.round(s.minLatencyMs() * 1000)));
    }
    if (s.maxLatencyMs() != null) {
      where.add(
          "o_count > 0 AND o_latency_us <= " + Sql.number(Math.round(s.maxLatencyMs() * 1000)));
    }
    if (q) {
      where.add("(t_q_hit = 1 OR o_q_hit = 1)");
    }
    if (s.cursor() != null) {
      where.add(SearchSql.after(SORT_KEYS.get(s.sort()), "id", s.cursor(), s.descending()));
    }
    return where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
  }
}
