package dev.sightline.query.storage;

import dev.sightline.clickhouse.Sql;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The day partitions of each table that hold no duplicate row identity — exactly one active part,
 * and that part made by a merge (so ReplacingMergeTree already collapsed it) — and the FROM source
 * that reads those without FINAL and only the rest with it.
 *
 * <p>Why: on ClickHouse 18.16 FINAL is single-threaded and merges on every read; a day of 1.5M
 * observations took 1 s with FINAL (0.3 s after compaction) against 0.05 s without. The compaction
 * job keeps closed days clean, so only today's (and late-touched) partitions pay for FINAL. An
 * insert landing between the check and the read could show a re-delivered duplicate of an old day
 * for that one read; re-deliveries happen within seconds of the original, into today.
 */
record CleanPartitions(Map<String, Set<String>> daysByTable) {

  /** Nothing known clean: every read uses FINAL (tests of SQL shape, empty databases). */
  static final CleanPartitions NONE = new CleanPartitions(Map.of());

  /** Each table's day column, the partition key of the migrations. */
  static String dayColumn(String table) {
    return table.equals("observation_aggregates") ? "window_date" : "event_date";
  }

  /**
   * A parenthesized FROM source: {@code columns} of {@code table}'s rows matching {@code where},
   * collapsed to the newest version of each row identity.
   */
  String from(String table, String columns, String where) {
    String t = Sql.identifier(table);
    Set<String> clean = daysByTable.getOrDefault(table, Set.of());
    String finalRead = "SELECT " + columns + " FROM " + t + " FINAL WHERE " + where;
    if (clean.isEmpty()) {
      return "(" + finalRead + ")";
    }
    String days =
        clean.stream()
            .sorted()
            .map(d -> "toDate(" + Sql.quote(d) + ")")
            .collect(Collectors.joining(", "));
    String day = Sql.identifier(dayColumn(table));
    return "(SELECT "
        + columns
        + " FROM "
        + t
        + " WHERE "
        + where
        + " AND "
        + day
        + " IN ("
        + days
        + ") UNION ALL "
        + finalRead
        + " AND "
        + day
        + " NOT IN ("
        + days
        + "))";
  }
}
