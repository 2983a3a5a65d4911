package dev.sightline.query.domain.metrics;

/**
 * Cost and latency per trace over a set of traces.
 *
 * @param name the trace name of this group; null when not grouped
 * @param traces how many traces (with at least one observation) are counted
 * @param costUsd sum of each trace's observation costs, then its distribution over traces
 * @param latencyMs each trace's last observation end minus first start, then its distribution
 */
public record TraceDistribution(
    String name, long traces, CostDistribution costUsd, LatencyDistribution latencyMs) {}
