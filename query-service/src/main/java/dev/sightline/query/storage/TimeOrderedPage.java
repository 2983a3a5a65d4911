package dev.sightline.query.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.clickhouse.Sql;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A time-sorted page read from a time-ordered copy (migration 0006) slice by slice, newest hour
 * first, then checked against the copy's source table before it is shown.
 *
 * <p>Why the check: the copy is ordered by hour, and ReplacingMergeTree collapses versions only
 * within one sorting key, so a row whose time moved to another hour in a later version (within its
 * day; enrich's TraceMerge and RowDay) leaves its older version behind in the old hour. A slice
 * sees only its own hours, so it may pick that older version. The source table, ordered by
 * identity, always has the newest: each page row whose (identity, version) is not the source's
 * newest is stale, and the page is read again without it. That is rare (a move across an hour
 * boundary before a merge), so a page costs one extra point read of at most {@code limit + 1}
 * identities.
 */
final class TimeOrderedPage {

  /** A time-ordered copy, the table it copies and the row identity they share. */
  enum Copy {
    TRACES("traces", List.of("trace_id")),
    OBSERVATIONS("observations", List.of("trace_id", "observation_id"));

    private final String source;
    private final List<String> identity;

    Copy(String source, List<String> identity) {
      this.source = source;
      this.identity = identity;
    }

    /** The copy's table name. */
    String table() {
      return source + "_by_time";
    }

    /** The identity columns, comma separated. */
    String identity() {
      return String.join(", ", identity);
    }
  }

  /** The SQL of one slice's rows; each row carries the copy's {@code event_date} and version. */
  @FunctionalInterface
  interface SliceSql {
    /**
     * @param rows how many rows at most
     * @param notStale a condition excluding the stale rows found so far ("1" when none)
     */
    String sql(Instant from, Instant to, int rows, String notStale);
  }

  // Each round excludes at least one stale row; a page that keeps finding them is read from the
  // source tables instead (the caller's fallback).
  private static final int MAX_ROUNDS = 5;

  private TimeOrderedPage() {}

  /**
   * Up to {@code need} rows in slice order, none stale; null when stale rows kept turning up, so
   * the caller reads the source tables instead.
   *
   * @param excluded rows (identity and version) the caller already found wrong, never returned
   */
  static List<JsonNode> read(
      SearchQueries queries,
      Copy copy,
      String projectId,
      List<Instant[]> slices,
      int need,
      List<JsonNode> excluded,
      SliceSql slice) {
    List<JsonNode> staleRows = new ArrayList<>(excluded);
    for (int round = 0; round < MAX_ROUNDS; round++) {
      String notStale = notStale(copy, staleRows);
      List<JsonNode> rows = new ArrayList<>();
      for (Instant[] s : slices) {
        rows.addAll(queries.rows(slice.sql(s[0], s[1], need - rows.size(), notStale)));
        if (rows.size() >= need) {
          break;
        }
      }
      List<JsonNode> found = stale(queries, copy, projectId, rows);
      if (found.isEmpty()) {
        return rows;
      }
      // Excluded from the next round on, so a stale row is never found twice.
      staleRows.addAll(found);
    }
    return null;
  }

  /** The rows whose version is not the newest of their identity in the source table. */
  static List<JsonNode> stale(
      SearchQueries queries, Copy copy, String projectId, List<JsonNode> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, Long> newest = new HashMap<>();
    for (JsonNode r : queries.rows(newestSql(copy, projectId, rows))) {
      newest.put(key(copy, r), Long.parseLong(r.get("version").asText()));
    }
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode row : rows) {
      Long v = newest.get(key(copy, row));
      // Absent: deleted from the source (retention) and not yet from the copy.
      if (v == null || v != Long.parseLong(row.get("version").asText())) {
        out.add(row);
      }
    }
    return out;
  }

  /**
   * The newest version of each identity of {@code rows} in the source table: a primary-key read of
   * their traces in their day partitions (a row's day never changes, see RowDay).
   */
  static String newestSql(Copy copy, String projectId, List<JsonNode> rows) {
    String ids =
        rows.stream()
            .map(r -> Sql.quote(r.get("trace_id").asText()))
            .distinct()
            .collect(Collectors.joining(", "));
    String days =
        rows.stream()
            .map(r -> "toDate(" + Sql.quote(r.get("event_date").asText()) + ")")
            .distinct()
            .collect(Collectors.joining(", "));
    return "SELECT "
        + copy.identity()
        + ", max(version) AS version FROM "
        + Sql.identifier(copy.source)
        + " WHERE project_id = "
        + Sql.quote(projectId)
        + " AND trace_id IN ("
        + ids
        + ") AND event_date IN ("
        + days
        + ") GROUP BY "
        + copy.identity();
  }

  /** A condition false exactly for the given (identity, version) rows; "1" for none. */
  static String notStale(Copy copy, List<JsonNode> rows) {
    if (rows.isEmpty()) {
      return "1";
    }
    List<String> each = new ArrayList<>();
    for (JsonNode row : rows) {
      List<String> eq = new ArrayList<>();
      for (String column : copy.identity) {
        eq.add(column + " = " + Sql.quote(row.get(column).asText()));
      }
      eq.add("version = " + Sql.number(Long.parseLong(row.get("version").asText())));
      each.add("NOT (" + String.join(" AND ", eq) + ")");
    }
    return String.join(" AND ", each);
  }

  private static String key(Copy copy, JsonNode row) {
    StringBuilder key = new StringBuilder();
    for (String column : copy.identity) {
      String v = row.get(column).asText();
      // Length-prefixed, so no two identities share a key whatever their characters.
      key.append(v.length()).append(':').append(v);
    }
    return key.toString();
  }
}
