package dev.sightline.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSONEachRow lines for trace search tests; columns left out take ClickHouse defaults. */
final class SearchRows {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private SearchRows() {}

  static Map<String, Object> trace(String projectId, String traceId, long timestampUs) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("project_id", projectId);
    row.put("trace_id", traceId);
    row.put("name", "chat");
    row.put("user_id", "");
    row.put("session_id", "");
    row.put("tags", List.of());
    row.put("environment", "");
    row.put("release", "");
    row.put("input", "");
    row.put("output", "");
    times(row, "timestamp", timestampUs);
    row.put("event_id", "e-" + traceId);
    row.put("version", 1);
    return row;
  }

  static Map<String, Object> observation(
      String projectId, String traceId, String id, long startUs, long durationUs) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("project_id", projectId);
    row.put("trace_id", traceId);
    row.put("observation_id", id);
    row.put("type", "GENERATION");
    row.put("name", "llm");
    times(row, "start_time", startUs);
    row.put("start_time_us", startUs);
    row.put("end_time_us", startUs + durationUs);
    row.put("model", "");
    row.put("input", "");
    row.put("output", "");
    row.put("level", "DEFAULT");
    row.put("cost_total", null);
    row.put("event_id", "e-" + id);
    row.put("version", 1);
    return row;
  }

  static Map<String, Object> score(
      String projectId, String traceId, String id, String name, double value, long atUs) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("project_id", projectId);
    row.put("trace_id", traceId);
    row.put("score_id", id);
    row.put("name", name);
    row.put("value", value);
    row.put("data_type", "NUMERIC");
    times(row, "timestamp", atUs);
    row.put("event_id", "e-" + id);
    row.put("version", 1);
    return row;
  }

  static byte[] lines(List<Map<String, Object>> rows) {
    StringBuilder out = new StringBuilder();
    try {
      for (Map<String, Object> row : rows) {
        out.append(JSON.writeValueAsString(row)).append('\n');
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void times(Map<String, Object> row, String column, long micros) {
    Instant at = Instant.ofEpochSecond(micros / 1_000_000);
    row.put("event_date", DATE_TIME.format(at).substring(0, 10));
    row.put(column, DATE_TIME.format(at));
    if (column.equals("timestamp")) {
      row.put("timestamp_us", micros);
    }
  }
}
