package dev.sightline.query.domain.metrics;

import com.datadoghq.sketch.ddsketch.DDSketch;
import dev.sightline.query.domain.InvalidRequestException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects metric rows into groups: counters summed, latency sketches merged (never quantiles
 * averaged), at most {@code maxGroups} groups.
 */
public final class MetricsGroups {

  private final int maxGroups;
  private final boolean series;
  private final Map<List<Object>, Group> groups = new LinkedHashMap<>();

  public MetricsGroups(int maxGroups, boolean series) {
    this.maxGroups = maxGroups;
    this.series = series;
  }

  /**
   * Adds one row: a bucket of a group (start null in totals mode) and its merged sketch, if any.
   */
  public void add(Map<String, Object> key, Instant start, MetricValues values, DDSketch sketch) {
    Group g = group(key);
    g.count += values.count();
    g.errors += values.errors();
    g.inputTokens += values.inputTokens();
    g.outputTokens += values.outputTokens();
    g.costUsd += values.costUsd();
    g.sketch = LatencySketches.merge(g.sketch, sketch);
    if (start != null) {
      g.points.add(new MetricPoint(start, values));
    }
  }

  /** The group's latency quantiles computed elsewhere (exactly, from raw rows). */
  public void exactLatency(Map<String, Object> key, Double[] quantiles) {
    group(key).exact = quantiles;
  }

  /** The groups in the order first seen. */
  public List<MetricsGroup> result() {
    List<MetricsGroup> out = new ArrayList<>();
    for (Group g : groups.values()) {
      Double[] latency = g.exact != null ? g.exact : LatencySketches.quantiles(g.sketch);
      MetricValues totals =
          MetricValues.of(g.count, g.errors, g.inputTokens, g.outputTokens, g.costUsd, latency);
      out.add(new MetricsGroup(g.key, totals, series ? List.copyOf(g.points) : null));
    }
    return out;
  }

  private Group group(Map<String, Object> key) {
    List<Object> id = new ArrayList<>(key.values());
    Group g = groups.get(id);
    if (g == null) {
      if (groups.size() >= maxGroups) {
        throw new InvalidRequestException(
            "groupBy: more than "
                + maxGroups
                + " groups; add a filter (environment, name, model, promptName, promptVersion),"
                + " group by fewer dimensions or narrow from/to");
      }
      g = new Group(key);
      groups.put(id, g);
    }
    return g;
  }

  private static final class Group {
    private final Map<String, Object> key;
    private final List<MetricPoint> points = new ArrayList<>();
    private long count;
    private long errors;
    private long inputTokens;
    private long outputTokens;
    private double costUsd;
    private DDSketch sketch;
    private Double[] exact;

    private Group(Map<String, Object> key) {
      this.key = key;
    }
  }
}
