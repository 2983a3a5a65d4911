package dev.sightline.query.domain.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A validated observation metrics request; null filters do not filter. The project comes from the
 * API key and is passed beside it.
 *
 * @param to exclusive end of the range (1-minute windows, or observation start times)
 * @param interval bucket width of the time series; null for totals only
 * @param name the observation (step) name
 * @param promptVersion 0 matches observations without a prompt version
 */
public record MetricsQuery(
    Instant from,
    Instant to,
    List<MetricsDimension> groupBy,
    Duration interval,
    String environment,
    String name,
    String model,
    String promptName,
    Integer promptVersion) {

  public MetricsQuery {
    groupBy = List.copyOf(groupBy);
  }

  /** Whether the 1-minute aggregates can answer, or raw observations joined to traces must. */
  public boolean fromAggregates() {
    return groupBy.stream().allMatch(MetricsDimension::inAggregates);
  }
}
