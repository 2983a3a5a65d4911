package dev.sightline.enrich.storage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/** Column encodings shared by the row mappers, in the text forms ClickHouse 18.16 accepts. */
final class RowFields {

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  // DateTime is a UInt32 of seconds: out-of-range client clocks would make ClickHouse refuse the
  // whole batch, so they are clamped here (the exact microseconds stay in the *_us column).
  private static final long MAX_SECONDS = 4_291_747_199L; // 2105-12-31 23:59:59 UTC

  private RowFields() {}

  /** A DateTime column value, "YYYY-MM-DD hh:mm:ss" in UTC. */
  static String dateTime(long micros) {
    return DATE_TIME.format(clamped(micros));
  }

  /** A Date column value, "YYYY-MM-DD" in UTC. */
  static String date(long micros) {
    return DATE.format(clamped(micros));
  }

  /** Empty string for null: the plain String columns are not Nullable. */
  static String text(CharSequence value) {
    return value == null ? "" : value.toString();
  }

  /** A Nested(key, value String) column as the parallel arrays ClickHouse expects, by key. */
  static void nestedStrings(JsonRow row, String column, Map<String, String> values) {
    TreeMap<String, String> sorted = new TreeMap<>(values == null ? Map.of() : values);
    row.startArray(column + ".key");
    sorted.keySet().forEach(row::add);
    row.endArray().startArray(column + ".value");
    sorted.values().forEach(v -> row.add(text(v)));
    row.endArray();
  }

  /** A Nested(key String, value Int64) column as parallel arrays, by key. */
  static void nestedLongs(JsonRow row, String column, Map<String, Long> values) {
    TreeMap<String, Long> sorted = new TreeMap<>(values == null ? Map.of() : values);
    row.startArray(column + ".key");
    sorted.keySet().forEach(row::add);
    row.endArray().startArray(column + ".value");
    sorted.values().forEach(v -> row.add(v == null ? 0L : v));
    row.endArray();
  }

  private static Instant clamped(long micros) {
    long seconds = Math.max(0, Math.min(MAX_SECONDS, Math.floorDiv(micros, 1_000_000L)));
    return Instant.ofEpochSecond(seconds);
  }
}
