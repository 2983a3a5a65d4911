package dev.sightline.query.storage;

import static dev.sightline.query.storage.SearchSql.equal;
import static dev.sightline.query.storage.SearchSql.matches;

import dev.sightline.clickhouse.Sql;
import dev.sightline.query.domain.search.ObservationSearch;
import dev.sightline.query.domain.search.TraceSort;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The one builder of observation search SQL; same rules as {@link TraceSearchSql}. */
final class ObservationSearchSql {

  /** The keyset tie-break: observation ids are unique only within a trace, so both go in. */
  static final String ROW_KEY = "concat(toString(length(trace_id)), ':', trace_id, observation_id)";

  static final String COLUMNS =
      "observation_id, trace_id, parent_observation_id, type, name, start_time_us, end_time_us,"
          + " model, provider, prompt_name, prompt_version, environment, level, status_message,"
          + " usage_input, usage_output, usage_cache_read, usage_cache_creation, usage_total,"
          + " cost_input, cost_output, cost_total, cost_source, cost_note, latency_ms";

  // Int64 sort keys (µs, nano-USD) so the cursor compares exactly.
  private static final Map<TraceSort, String> SORT_KEYS = new EnumMap<>(TraceSort.class);

  static {
    SORT_KEYS.put(TraceSort.TIMESTAMP, "start_time_us");
    SORT_KEYS.put(TraceSort.COST, "cost_nano_usd");
    SORT_KEYS.put(TraceSort.LATENCY, "latency_us");
  }

  private ObservationSearchSql() {}

  /** The SELECT of one page ({@code rows} rows at most) of this project's matching observations. */
  static String select(String projectId, ObservationSearch s, int rows) {
    return select(projectId, s, rows, CleanPartitions.NONE);
  }

  /** One page of the project's matching observations, collapsed reads as CleanPartitions says. */
  static String select(String projectId, ObservationSearch s, int rows, CleanPartitions clean) {
    String source =
        clean.from(
            "observations",
            COLUMNS,
            String.join(" AND ", where(projectId, s, clean)),
            "project_id = " + Sql.quote(projectId));
    return page(source, "", s, rows, "1");
  }

  /**
   * One page of a time-sorted search within [s.from, s.to) from observations_by_time (migration
   * 0006): the hours of the range are one primary-key range. Versions collapse only among the rows
   * read, so the caller checks the page against observations (see {@link TimeOrderedPage}); each
   * row carries event_date and version for that.
   *
   * @param notStale a condition that excludes the stale rows found so far
   */
  static String selectByTime(
      String projectId, ObservationSearch s, int rows, CleanPartitions clean, String notStale) {
    List<String> where = where(projectId, s, clean);
    where.add(SearchSql.hours("hour", s.from(), s.to()));
    String source =
        "(SELECT "
            + COLUMNS
            + ", event_date, version FROM observations_by_time WHERE "
            + String.join(" AND ", where)
            + " ORDER BY version DESC LIMIT 1 BY trace_id, observation_id)";
    return page(source, ", event_date, version", s, rows, notStale);
  }

  private static List<String> where(String projectId, ObservationSearch s, CleanPartitions clean) {
    String project = Sql.quote(projectId);
    List<String> where = new ArrayList<>();
    where.add("project_id = " + project);
    SearchSql.range(where, "event_date", "start_time_us", s.from(), s.to());
    equal(where, "trace_id", s.traceId());
    equal(where, "name", s.name());
    equal(where, "type", s.type());
    equal(where, "model", s.model());
    equal(where, "level", s.level());
    equal(where, "environment", s.environment());
    if (s.promptName() != null) {
      where.add(SearchSql.prompt(s.promptName(), s.promptVersion()));
    }
    if (s.hasError() != null) {
      where.add(s.hasError() ? "level = 'ERROR'" : "level != 'ERROR'");
    }
    if (s.q() != null) {
      String q = Sql.quote(s.q());
      where.add("(" + matches("input", q) + " OR " + matches("output", q) + ")");
    }
    if (s.userId() != null || s.sessionId() != null) {
      List<String> traceWhere = new ArrayList<>(List.of("project_id = " + project));
      equal(traceWhere, "user_id", s.userId());
      equal(traceWhere, "session_id", s.sessionId());
      where.add(
          "trace_id IN (SELECT trace_id FROM "
              + clean.from(
                  "traces", "trace_id", String.join(" AND ", traceWhere), "project_id = " + project)
              + ")");
    }
    return where;
  }

  // The sorted, limited page over a FROM source of observation rows.
  private static String page(
      String source, String extraColumns, ObservationSearch s, int rows, String notStale) {
    return "SELECT * FROM (SELECT "
        + COLUMNS
        + extraColumns
        + ", toInt64(round(ifNull(cost_total, 0) * 1000000000)) AS cost_nano_usd,"
        + " ifNull(end_time_us, start_time_us) - start_time_us AS latency_us, "
        + ROW_KEY
        + " AS row_key"
        // Collapsed reads: a re-delivered batch is only merged away in the background.
        + " FROM "
        + source
        + " WHERE "
        + notStale
        + ")"
        + outerWhere(s)
        + " ORDER BY "
        + SORT_KEYS.get(s.sort())
        + (s.descending() ? " DESC, row_key DESC" : " ASC, row_key ASC")
        + " LIMIT "
        + Sql.number((long) rows);
  }

  private static String outerWhere(ObservationSearch s) {
    List<String> where = new ArrayList<>();
    if (s.minCost() != null) {
      where.add("cost_nano_usd >= " + Sql.number(SearchSql.nanoUsd(s.minCost())));
    }
    if (s.maxCost() != null) {
      where.add("cost_nano_usd <= " + Sql.number(SearchSql.nanoUsd(s.maxCost())));
    }
    if (s.minLatencyMs() != null) {
      where.add(
          "isNotNull(end_time_us) AND latency_us >= "
              + Sql.number(Math.round(s.minLatencyMs() * 1000)));
    }
    if (s.maxLatencyMs() != null) {
      where.add(
          "isNotNull(end_time_us) AND latency_us <= "
              + Sql.number(Math.round(s.maxLatencyMs() * 1000)));
    }
    if (s.cursor() != null) {
      where.add(SearchSql.after(SORT_KEYS.get(s.sort()), "row_key", s.cursor(), s.descending()));
    }
    return where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
  }

  /** The cursor value of a row for the search's sort. */
  static String sortColumn(TraceSort sort) {
    return SORT_KEYS.get(sort);
  }
}
