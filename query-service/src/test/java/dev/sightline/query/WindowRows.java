package dev.sightline.query;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Rows of observation_aggregates as enrich-service's sink writes them, with real DDSketches. */
final class WindowRows {

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private WindowRows() {}

  /** One 1-minute window of a group; latencies become its sketch, count is their number. */
  static Map<String, Object> window(
      String projectId, Instant start, String name, String model, double... latenciesMs) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("project_id", projectId);
    row.put("window_date", DATE_TIME.format(start).substring(0, 10));
    row.put("window_start", DATE_TIME.format(start));
    row.put("window_end", DATE_TIME.format(start.plusSeconds(60)));
    row.put("environment", "");
    row.put("name", name);
    row.put("model", model);
    row.put("prompt_name", "");
    row.put("prompt_version", 0);
    row.put("count", latenciesMs.length);
    row.put("errors", 0);
    row.put("input_tokens", 0);
    row.put("output_tokens", 0);
    row.put("cost_usd", 0.0);
    row.put("latency_sketch", sketch(latenciesMs));
    row.put("version", latenciesMs.length);
    return row;
  }

  /** Base64 of the DDSketch protobuf, built like enrich-service's LatencySketch (1%, 2048 bins). */
  static String sketch(double... latenciesMs) {
    DDSketch sketch = DDSketches.logarithmicCollapsingLowestDense(0.01, 2048);
    for (double v : latenciesMs) {
      sketch.accept(v);
    }
    ByteBuffer buffer = sketch.serialize();
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** {@code count} values from {@code first}, one apart. */
  static double[] range(int first, int count) {
    double[] out = new double[count];
    for (int i = 0; i < count; i++) {
      out[i] = first + i;
    }
    return out;
  }
}
