package dev.sightline.query.domain.metrics;

import java.time.Instant;

/** One bucket of a time series: {@code [start, start + interval)}. */
public record MetricPoint(Instant start, MetricValues metrics) {}
