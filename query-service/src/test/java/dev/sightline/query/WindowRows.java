package dev.sightline.query;

import com.datadoghq.sketch.ddsketch.DDSketch;
import dev.sightline.schemas.sketch.LatencyBins;
import dev.sightline.schemas.sketch.LatencySketches;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows of observation_aggregates as enrich-service's sink writes them, with real DDSketches. */
final class WindowRows {

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private WindowRows() {}

  /** One 1-minute window of a group; latencies become its sketch bins, count is their number. */
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
    LatencyBins bins = LatencySketches.bins(sketch(latenciesMs));
    row.put("latency_sketch", "");
    row.put("latency_bin_index", Arrays.stream(bins.indexes()).boxed().toList());
    row.put("latency_bin_count", Arrays.stream(bins.counts()).boxed().toList());
    row.put("latency_zero_count", bins.zeroCount());
    row.put("version", latenciesMs.length);
    return row;
  }

  /** The same window as a sink before migration 0004 wrote it: base64 protobuf, no bins. */
  static Map<String, Object> legacyWindow(
      String projectId, Instant start, String name, String model, double... latenciesMs) {
    Map<String, Object> row = window(projectId, start, name, model, latenciesMs);
    row.put(
        "latency_sketch",
        Base64.getEncoder().encodeToString(LatencySketches.toProtobuf(sketch(latenciesMs))));
    row.put("latency_bin_index", List.of());
    row.put("latency_bin_count", List.of());
    row.put("latency_zero_count", 0.0);
    return row;
  }

  private static DDSketch sketch(double... latenciesMs) {
    DDSketch sketch = LatencySketches.empty();
    for (double v : latenciesMs) {
      sketch.accept(v);
    }
    return sketch;
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
