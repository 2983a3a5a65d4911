package dev.sightline.query.domain.metrics;

import java.util.List;
import java.util.Map;

/**
 * The metrics of one group.
 *
 * @param key the group's value per dimension (e.g. model, promptName, promptVersion); empty when
 *     not grouped
 * @param series the buckets that have observations, oldest first; null when totals were asked
 */
public record MetricsGroup(
    Map<String, Object> key, MetricValues totals, List<MetricPoint> series) {}
