package dev.sightline.query.domain.metrics;

/** Exact quantiles, mean and total of the cost per trace, in USD. */
public record CostDistribution(double p50, double p95, double p99, double mean, double total) {}
