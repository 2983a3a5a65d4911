package dev.sightline.query.domain.metrics;

/** Where metrics are computed (ClickHouse); every method is scoped to one project. */
public interface MetricsStore {

  /** Observation metrics grouped and bucketed as asked. */
  MetricsReport observations(String projectId, MetricsQuery query, String intervalText);

  /** Per-trace cost and latency distributions. */
  TraceDistributionReport traces(String projectId, TraceDistributionQuery query);
}
