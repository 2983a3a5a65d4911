package dev.sightline.query.storage;

import static dev.sightline.query.storage.SearchSql.equal;
import static dev.sightline.query.storage.SearchSql.matches;

import dev.sightline.clickhouse.Sql;
import dev.sightline.query.domain.search.TraceSearch;
import dev.sightline.query.domain.search.TraceSort;
import java.time.Duration;
import java.time.Instant;
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
    boolean q = s.q() != null;
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
    String traceSource =
        ids == null
            ? clean.from("traces", traceColumns(q), traceFilter, traceKeys)
            // Known ids: their newest versions in one pass, then the filters.
            : clean.fromIds("traces", traceColumns(q), traceFilter, traceKeys);
    String observationSource =
        ids == null
            ? clean.from(
                "observations",
                observationColumns(q),
                "project_id = " + project + " AND trace_id IN " + observationTraces,
                traceKeys)
            : clean.fromIds(
                "observations", observationColumns(q), "1", traceKeys + pageDays(s, ids));
    return assemble(s, rows, traceSource, observationSource);
  }

  /**
   * {@link #select} of a page picked from traces_by_time ({@link #pageByTime}, checked by {@link
   * TimeOrderedPage}), read from the time-ordered copies too: the page's traces and observations
   * lie in the page's few hours there, where in the source tables, ordered by trace id, 50 random
   * traces touch most granules of their days (114-160 ms for a page of today's partition of the 10M
   * bench). The page's rows are their traces' newest versions and within [s.from, s.to), so their
   * hours hold those versions; observations are read from an hour before to a day after (as {@link
   * #observationHits}), where each one's versions all lie (they stay in their day).
   */
  static String selectByTime(
      String projectId, TraceSearch s, int rows, CleanPartitions clean, List<String> pageIds) {
    String project = Sql.quote(projectId);
    String ids = "(" + String.join(", ", pageIds.stream().map(Sql::quote).toList()) + ")";
    List<String> traceWhere = traceWhere(projectId, s, clean, false);
    boolean q = s.q() != null;
    List<String> traceRows = new ArrayList<>(List.of("project_id = " + project));
    traceRows.add("trace_id IN " + ids);
    SearchSql.range(traceRows, "event_date", "timestamp_us", s.from(), s.to());
    traceRows.add(SearchSql.hours("hour", s.from(), s.to()));
    List<String> observationRows = new ArrayList<>(List.of("project_id = " + project));
    observationRows.add("trace_id IN " + ids);
    observationWindow(observationRows, s);
    return assemble(
        s,
        rows,
        "("
            + CleanPartitions.latestThenFilter(
                "traces_by_time",
                traceColumns(q),
                String.join(" AND ", traceWhere),
                String.join(" AND ", traceRows))
            + ")",
        "("
            + CleanPartitions.latestThenFilter(
                "observations_by_time",
                observationColumns(q),
                "1",
                String.join(" AND ", observationRows))
            + ")");
  }

  // The page over a FROM source of trace rows and one of their observation rows.
  private static String assemble(
      TraceSearch s, int rows, String traceSource, String observationSource) {
    String q = s.q() == null ? null : Sql.quote(s.q());
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
        + traceSource
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
        + observationSource
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

  /**
   * The ids of one time-sorted page when {@link #pagedByTime} holds, within [s.from, s.to) from
   * traces_by_time (migration 0006): the range's hours are one primary-key range. A full-text term
   * matches the trace's own input/output or that of an observation starting between an hour before
   * and a day after the range (see {@link #observationHits}). Versions collapse only among the rows
   * read, so the caller checks the page against traces (see {@link TimeOrderedPage}).
   *
   * @param notStale a condition that excludes the stale rows found so far
   */
  static String pageByTime(
      String projectId, TraceSearch s, int rows, CleanPartitions clean, String notStale) {
    List<String> where = traceWhere(projectId, s, clean, true);
    where.add(SearchSql.hours("hour", s.from(), s.to()));
    String columns = "trace_id, timestamp_us, event_date, version";
    List<String> outer = new ArrayList<>(List.of(notStale));
    if (s.q() != null) {
      String q = Sql.quote(s.q());
      outer.add(
          "("
              + matches("input", q)
              + " OR "
              + matches("output", q)
              + " OR trace_id IN "
              + observationHits(projectId, s, q)
              + ")");
      columns += ", input, output";
    }
    if (s.cursor() != null) {
      outer.add(SearchSql.after("timestamp_us", "trace_id", s.cursor(), s.descending()));
    }
    return "SELECT trace_id, timestamp_us, event_date, version FROM (SELECT "
        + columns
        + " FROM traces_by_time WHERE "
        + String.join(" AND ", where)
        + " ORDER BY version DESC LIMIT 1 BY trace_id) WHERE "
        + String.join(" AND ", outer)
        + " ORDER BY timestamp_us"
        + (s.descending() ? " DESC, trace_id DESC" : " ASC, trace_id ASC")
        + " LIMIT "
        + Sql.number((long) rows);
  }

  // The traces of [s.from, s.to) with an observation whose input or output contains q, from
  // observations_by_time. A trace's observations are looked for from an hour before to a day after
  // the range (clock skew; long agent runs), the same bound as pageDays; PREWHERE reads the text
  // only of the granules holding the range's traces, which the hour order keeps together.
  private static String observationHits(String projectId, TraceSearch s, String q) {
    String project = Sql.quote(projectId);
    List<String> range = new ArrayList<>();
    observationWindow(range, s);
    List<String> traces = new ArrayList<>(List.of("project_id = " + project));
    SearchSql.range(traces, "event_date", "timestamp_us", s.from(), s.to());
    traces.add(SearchSql.hours("hour", s.from(), s.to()));
    return "(SELECT trace_id FROM observations_by_time PREWHERE project_id = "
        + project
        + " AND "
        + String.join(" AND ", range)
        + " AND trace_id IN (SELECT trace_id FROM traces_by_time WHERE "
        + String.join(" AND ", traces)
        + ") WHERE "
        + matches("input", q)
        + " OR "
        + matches("output", q)
        + ")";
  }

  // Where observations_by_time holds the observations of the traces of [s.from, s.to): starting
  // from an hour before to a day after (clock skew; long agent runs), days, hours and µs.
  private static void observationWindow(List<String> where, TraceSearch s) {
    Instant from = s.from().minus(Duration.ofHours(1));
    Instant to = s.to().plus(Duration.ofDays(1));
    SearchSql.range(where, "event_date", "start_time_us", from, to);
    where.add(SearchSql.hours("hour", from, to));
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

  /**
   * Whether time order, trace-level filters and a full-text term alone decide a page (see {@link
   * #pageByTime}).
   */
  static boolean pagedByTime(TraceSearch s) {
    return s.sort() == TraceSort.TIMESTAMP
        && s.model() == null
        && s.promptName() == null
        && s.level() == null
        && s.hasError() == null
        && s.minCost() == null
        && s.maxCost() == null
        && s.minLatencyMs() == null
        && s.maxLatencyMs() == null;
  }

  /** Whether time order and trace-level filters alone decide a page (see {@link #page}). */
  static boolean pagedByTraces(TraceSearch s) {
    return pagedByTime(s) && s.q() == null;
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
