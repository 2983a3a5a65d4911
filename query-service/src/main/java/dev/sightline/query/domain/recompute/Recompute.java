package dev.sightline.query.domain.recompute;

import java.time.Instant;
import java.util.List;

/**
 * A cost recompute and its outcome, as recorded in ClickHouse's {@code cost_recomputes}.
 *
 * @param id the recompute id, {@code rcp_} + 24 hex
 * @param projectId the project whose observations are re-priced
 * @param status {@code pending}, {@code running}, {@code done} or {@code failed}
 * @param from start of the range on the observation start time (inclusive)
 * @param to end of the range (exclusive)
 * @param requestedAt when it was requested
 * @param finishedAt when it finished (done or failed), else null
 * @param observationsScanned observations of the project in the range
 * @param observationsChanged observation rows written again with a new cost
 * @param windowsChanged 1-minute aggregate windows written again
 * @param priceVersionsBefore price versions the changed rows had ({@code none}: unpriced)
 * @param priceVersionsAfter price versions the changed rows have now
 * @param error why it failed, else null
 */
public record Recompute(
    String id,
    String projectId,
    String status,
    Instant from,
    Instant to,
    Instant requestedAt,
    Instant finishedAt,
    long observationsScanned,
    long observationsChanged,
    long windowsChanged,
    List<String> priceVersionsBefore,
    List<String> priceVersionsAfter,
    String error) {

  /** A request just made: nothing has run yet. */
  public static Recompute pending(String id, String projectId, RecomputeRange range, Instant at) {
    return new Recompute(
        id,
        projectId,
        "pending",
        range.from(),
        range.to(),
        at,
        null,
        0,
        0,
        0,
        List.of(),
        List.of(),
        null);
  }
}
