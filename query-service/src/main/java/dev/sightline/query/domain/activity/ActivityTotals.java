package dev.sightline.query.domain.activity;

import java.time.Instant;

/**
 * Totals over the traces of one session or user in a time range (traces with a stored trace event).
 *
 * @param sessions distinct non-empty session ids
 * @param observations observations of those traces
 * @param totalTokens sum of the observations' total tokens (input + output when total is missing)
 * @param totalCostUsd sum of the observations' cost; null when none has a cost
 * @param errors observations with level ERROR
 * @param firstSeen the earliest trace timestamp
 * @param lastSeen the latest trace timestamp
 * @param durationMs from the first trace's timestamp to the latest trace timestamp or observation
 *     end
 */
public record ActivityTotals(
    long traces,
    long sessions,
    long observations,
    long totalTokens,
    Double totalCostUsd,
    long errors,
    Instant firstSeen,
    Instant lastSeen,
    double durationMs) {}
