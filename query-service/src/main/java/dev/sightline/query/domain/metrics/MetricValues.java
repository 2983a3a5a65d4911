package dev.sightline.query.domain.metrics;

/**
 * Metrics of a set of observations.
 *
 * @param errorRate errors / count; null when count is 0
 * @param latencyP50Ms null when no observation had a latency
 */
public record MetricValues(
    long count,
    long errors,
    Double errorRate,
    long inputTokens,
    long outputTokens,
    double costUsd,
    Double latencyP50Ms,
    Double latencyP95Ms,
    Double latencyP99Ms) {

  /** The values with the error rate derived from the counts. */
  public static MetricValues of(
      long count,
      long errors,
      long inputTokens,
      long outputTokens,
      double costUsd,
      Double[] latencyQuantiles) {
    return new MetricValues(
        count,
        errors,
        count == 0 ? null : (double) errors / count,
        inputTokens,
        outputTokens,
        costUsd,
        latencyQuantiles[0],
        latencyQuantiles[1],
        latencyQuantiles[2]);
  }
}
