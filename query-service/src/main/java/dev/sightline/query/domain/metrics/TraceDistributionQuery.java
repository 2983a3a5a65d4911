package dev.sightline.query.domain.metrics;

import java.time.Instant;

/**
 * A validated per-trace distribution request; null filters do not filter.
 *
 * @param to exclusive end of the trace timestamp range
 * @param byName one distribution per trace name instead of one overall
 */
public record TraceDistributionQuery(
    Instant from, Instant to, String name, String environment, boolean byName) {}
