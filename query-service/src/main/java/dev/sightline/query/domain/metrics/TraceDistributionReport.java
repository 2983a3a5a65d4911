package dev.sightline.query.domain.metrics;

import java.time.Instant;
import java.util.List;

/**
 * The answer of GET /api/v1/metrics/traces.
 *
 * @param groupBy {@code name} when grouped by trace name, else null (one group)
 */
public record TraceDistributionReport(
    Instant from, Instant to, String groupBy, List<TraceDistribution> groups) {}
