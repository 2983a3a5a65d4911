package dev.sightline.query.domain.activity;

import dev.sightline.query.domain.search.TraceSummary;
import java.time.Instant;
import java.util.List;

/**
 * A session: its traces oldest first and their totals, in [from, to).
 *
 * @param traces at most {@link #MAX_TRACES}, oldest first
 * @param truncated whether the session has more traces than listed (totals count them all)
 */
public record SessionDetail(
    String sessionId,
    Instant from,
    Instant to,
    ActivityTotals totals,
    List<TraceSummary> traces,
    boolean truncated) {

  /** Most traces listed for one session. */
  public static final int MAX_TRACES = 500;
}
