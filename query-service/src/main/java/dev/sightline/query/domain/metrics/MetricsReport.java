package dev.sightline.query.domain.metrics;

import java.time.Instant;
import java.util.List;

/**
 * The answer of GET /api/v1/metrics.
 *
 * @param interval the series bucket width as asked (e.g. 5m); null for totals
 * @param source {@code aggregates} (1-minute windows, latency from merged DDSketches, 1% relative
 *     accuracy) or {@code observations} (raw rows joined to traces, exact latency quantiles)
 */
public record MetricsReport(
    Instant from,
    Instant to,
    List<String> groupBy,
    String interval,
    String source,
    List<MetricsGroup> groups) {}
