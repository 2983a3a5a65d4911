package dev.sightline.query.storage;

import dev.sightline.clickhouse.Sql;
import dev.sightline.query.domain.search.TraceCursor;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** SQL fragments shared by the search builders; values only through {@link Sql}. */
final class SearchSql {

  private SearchSql() {}

  static void equal(List<String> where, String column, String value) {
    if (value != null) {
      where.add(Sql.identifier(column) + " = " + Sql.quote(value));
    }
  }

  /** Case-insensitive substring in any script (UTF-8 aware). */
  static String matches(String column, String quoted) {
    return "positionCaseInsensitiveUTF8(" + Sql.identifier(column) + ", " + quoted + ") > 0";
  }

  /** The prompt test of one observation row; the version only when asked for. */
  static String prompt(String name, Integer version) {
    return "prompt_name = "
        + Sql.quote(name)
        + (version == null ? "" : " AND ifNull(prompt_version, -1) = " + Sql.number(version));
  }

  /**
   * Rows after the cursor in {@code ORDER BY key, id}: 18.16 has no tuple comparison, so it is
   * spelled out; {@code id} is an expression from trusted code, unique per row.
   */
  static String after(String key, String id, TraceCursor cursor, boolean descending) {
    String cmp = descending ? " < " : " > ";
    String value = Sql.number(cursor.sortValue());
    return "("
        + key
        + cmp
        + value
        + " OR ("
        + key
        + " = "
        + value
        + " AND "
        + id
        + cmp
        + Sql.quote(cursor.id())
        + "))";
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

  static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
  }

  /** The instant of a µs timestamp (the inverse of {@link #micros}). */
  static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000);
  }

  static String day(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
  }

  /** Partition pruning plus the exact µs range on a table's day and µs columns. */
  static void range(
      List<String> where, String dayColumn, String usColumn, Instant from, Instant to) {
    where.add(Sql.identifier(dayColumn) + " >= toDate(" + Sql.quote(day(from)) + ")");
    where.add(Sql.identifier(dayColumn) + " <= toDate(" + Sql.quote(day(to)) + ")");
    where.add(Sql.identifier(usColumn) + " >= " + Sql.number(micros(from)));
    where.add(Sql.identifier(usColumn) + " < " + Sql.number(micros(to)));
  }

  /**
   * The hours of [from, to) on a time-ordered copy's {@code hour} key column (migration 0006):
   * rounded by ClickHouse itself, so the copy's materialized view and this agree in any server time
   * zone. Pruning only; the exact range stays on the µs column.
   */
  static String hours(String hourColumn, Instant from, Instant to) {
    String column = Sql.identifier(hourColumn);
    return column
        + " >= toStartOfHour(toDateTime("
        + Sql.number(from.getEpochSecond())
        + ")) AND "
        + column
        + " <= toStartOfHour(toDateTime("
        + Sql.number(to.getEpochSecond())
        + "))";
  }

  /**
   * {@code trace_id IN} the candidate traces of one session ({@code kind} "session") or user
   * ("user") in the days of [from, to], from trace_lookup (migration 0005): a primary-key range
   * instead of a scan of every trace in the range. Candidates only, so it goes next to the exact
   * condition on the trace's own column, never instead of it; it is a row-identity condition, so it
   * may also narrow version lookups.
   */
  static String lookup(String projectId, String kind, String value, Instant from, Instant to) {
    return "trace_id IN (SELECT trace_id FROM trace_lookup WHERE "
        + lookupWhere(projectId, kind, value, from, to)
        + ")";
  }

  /** The trace_lookup rows of one session or user in the days of [from, to]. */
  static String lookupWhere(String projectId, String kind, String value, Instant from, Instant to) {
    return "project_id = "
        + Sql.quote(projectId)
        + " AND kind = "
        + Sql.quote(kind)
        + " AND value = "
        + Sql.quote(value)
        + " AND event_date >= toDate("
        + Sql.quote(day(from))
        + ") AND event_date <= toDate("
        + Sql.quote(day(to))
        + ")";
  }
}
