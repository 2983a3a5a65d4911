package dev.sightline.query.storage;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads typed values out of ClickHouse JSONEachRow rows (where 64-bit integers are strings). */
final class ClickHouseJson {

  private ClickHouseJson() {}

  /** The string, or null when absent or empty (ClickHouse stores "no value" as ''). */
  static String text(JsonNode row, String column) {
    JsonNode n = row.get(column);
    return n == null || n.isNull() || n.asText().isEmpty() ? null : n.asText();
  }

  /** The string as stored, '' included (for JSON payloads where '' is a value). */
  static String rawText(JsonNode row, String column) {
    JsonNode n = row.get(column);
    return n == null || n.isNull() ? null : n.asText();
  }

  static Long int64(JsonNode row, String column) {
    JsonNode n = row.get(column);
    // JSONEachRow quotes Int64/UInt64 by default, and asLong parses quoted numbers.
    return n == null || n.isNull() ? null : n.asLong();
  }

  static Integer int32(JsonNode row, String column) {
    JsonNode n = row.get(column);
    return n == null || n.isNull() ? null : n.asInt();
  }

  static Double float64(JsonNode row, String column) {
    JsonNode n = row.get(column);
    return n == null || n.isNull() ? null : n.asDouble();
  }

  static Instant micros(Long epochMicros) {
    if (epochMicros == null) {
      return null;
    }
    return Instant.ofEpochSecond(
        Math.floorDiv(epochMicros, 1_000_000L), Math.floorMod(epochMicros, 1_000_000L) * 1_000L);
  }

  static List<String> strings(JsonNode row, String column) {
    JsonNode n = row.get(column);
    if (n == null || !n.isArray()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(n.size());
    n.forEach(v -> out.add(v.asText()));
    return List.copyOf(out);
  }

  /** A Nested(key, value) column pair as a map, in stored order. */
  static Map<String, String> nested(JsonNode row, String column) {
    List<String> keys = strings(row, column + ".key");
    List<String> values = strings(row, column + ".value");
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < Math.min(keys.size(), values.size()); i++) {
      out.put(keys.get(i), values.get(i));
    }
    return Collections.unmodifiableMap(out);
  }
}
