package dev.sightline.query.storage;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.query.config.QueryConfig;
import dev.sightline.query.domain.metrics.LatencySketches;
import dev.sightline.query.domain.metrics.MetricValues;
import dev.sightline.query.domain.metrics.MetricsDimension;
import dev.sightline.query.domain.metrics.MetricsGroups;
import dev.sightline.query.domain.metrics.MetricsQuery;
import dev.sightline.query.domain.metrics.MetricsReport;
import dev.sightline.query.domain.metrics.MetricsStore;
import dev.sightline.query.domain.metrics.TraceDistributionQuery;
import dev.sightline.query.domain.metrics.TraceDistributionReport;
import dev.sightline.schemas.sketch.LatencyBins;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link MetricsStore} on ClickHouse; every query is scoped to the caller's project. */
@ApplicationScoped
public class ClickHouseMetricsStore implements MetricsStore {

  @Inject ClickHouseRows rows;
  @Inject QueryConfig config;
  @Inject PartitionInspector partitions;
  @Inject AggregateRollups rollups;

  @Override
  public MetricsReport observations(String projectId, MetricsQuery q, String intervalText) {
    boolean bucketed = q.interval() != null;
    // One look at system.parts serves both the collapsed reads and the rollups.
    List<JsonNode> parts = partitions.partitions();
    CleanPartitions clean = PartitionInspector.clean(parts);
    MetricsGroups groups = new MetricsGroups(config.query().maxGroups(), bucketed);
    if (q.fromAggregates()) {
      rows.forEach(
          MetricsSql.aggregates(
              projectId,
              q,
              bucketed,
              clean,
              rollups.usable(parts, SearchSql.day(q.from()), SearchSql.day(q.to()))),
          row -> {
            if (empty(row)) {
              return;
            }
            // A bucket's sketch is merged from its windows' sketches; the group's from its
            // buckets'.
            DDSketch sketch = sketch(row);
            groups.add(
                key(q, row),
                start(row, bucketed),
                values(row, LatencySketches.quantiles(sketch)),
                sketch);
          });
    } else {
      rows.forEach(
          MetricsSql.observations(projectId, q, bucketed, clean),
          row -> {
            if (!empty(row)) {
              groups.add(key(q, row), start(row, bucketed), values(row, exact(row)), null);
            }
          });
      // Exact quantiles do not merge: the group totals need their own pass over the raw rows.
      rows.forEach(
          MetricsSql.observations(projectId, q, false, clean),
          row -> {
            if (!empty(row)) {
              groups.exactLatency(key(q, row), exact(row));
            }
          });
    }
    return new MetricsReport(
        q.from(),
        q.to(),
        q.groupBy().stream().map(MetricsDimension::parameter).toList(),
        bucketed ? intervalText : null,
        q.fromAggregates() ? "aggregates" : "observations",
        groups.result());
  }

  @Override
  public TraceDistributionReport traces(String projectId, TraceDistributionQuery q) {
    return TraceDistributionRows.report(
        rows, projectId, q, config.query().maxGroups(), partitions.clean());
  }

  // Grouping by nothing but a constant bucket yields one row of zeros for an empty range.
  private static boolean empty(JsonNode row) {
    return row.path("n").asLong() == 0;
  }

  private static Map<String, Object> key(MetricsQuery q, JsonNode row) {
    Map<String, Object> key = new LinkedHashMap<>();
    for (MetricsDimension d : q.groupBy()) {
      switch (d) {
        case STEP -> key.put("step", text(row, "k_step"));
        case MODEL -> key.put("model", text(row, "k_model"));
        case PROMPT -> {
          key.put("promptName", text(row, "k_prompt_name"));
          int version = row.path("k_prompt_version").asInt();
          key.put("promptVersion", version == 0 ? null : version);
        }
        case ENVIRONMENT -> key.put("environment", text(row, "k_environment"));
        case RELEASE -> key.put("release", text(row, "k_release"));
        case USER -> key.put("userId", text(row, "k_user"));
      }
    }
    return key;
  }

  private static Instant start(JsonNode row, boolean bucketed) {
    return bucketed ? Instant.ofEpochSecond(row.path("bucket").asLong()) : null;
  }

  private static MetricValues values(JsonNode row, Double[] quantiles) {
    return MetricValues.of(
        row.path("n").asLong(),
        row.path("errs").asLong(),
        row.path("tin").asLong(),
        row.path("tout").asLong(),
        row.path("cost").asDouble(),
        quantiles);
  }

  // sumMap's (indexes, counts) and the zero count are the merged sketch of the group's windows;
  // windows older than migration 0004 add their decoded base64 sketches.
  private static DDSketch sketch(JsonNode row) {
    JsonNode bins = row.path("bins");
    JsonNode index = bins.path(0);
    JsonNode count = bins.path(1);
    int[] indexes = new int[index.size()];
    double[] counts = new double[count.size()];
    for (int i = 0; i < indexes.length; i++) {
      indexes[i] = index.get(i).asInt();
      counts[i] = count.get(i).asDouble();
    }
    LatencyBins summed = new LatencyBins(indexes, counts, row.path("zeros").asDouble());
    DDSketch merged =
        summed.isEmpty() ? null : dev.sightline.schemas.sketch.LatencySketches.fromBins(summed);
    for (JsonNode s : row.path("sketches")) {
      merged = LatencySketches.merge(merged, LatencySketches.decode(s.asText()));
    }
    return merged;
  }

  private static Double[] exact(JsonNode row) {
    Double[] out = new Double[3];
    if (row.path("timed").asLong() > 0) {
      for (int i = 0; i < out.length; i++) {
        out[i] = row.path("latency").path(i).asDouble();
      }
    }
    return out;
  }

  private static String text(JsonNode row, String column) {
    String value = row.path(column).asText();
    return value.isEmpty() ? null : value;
  }
}
