package dev.sightline.query.domain.metrics;

/** Exact quantiles of the latency per trace, in milliseconds. */
public record LatencyDistribution(double p50, double p95, double p99) {}
