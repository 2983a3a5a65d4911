package dev.sightline.query.domain.activity;

import dev.sightline.query.domain.search.TraceSummary;
import java.time.Instant;
import java.util.List;

/**
 * A user's totals and most recent traces in [from, to).
 *
 * @param recentTraces newest first, at most the requested limit
 */
public record UserDetail(
    String userId,
    Instant from,
    Instant to,
    ActivityTotals totals,
    List<TraceSummary> recentTraces) {}
