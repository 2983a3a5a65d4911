package dev.sightline.query.api;

import dev.sightline.query.domain.recompute.RecomputeRange;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/admin/projects/{id}/recomputes}: the range to re-price. */
@Schema(description = "The range of observation start times to re-price with the current prices")
public record NewRecompute(
    @Schema(
            description = "Start (inclusive), ISO-8601 with offset",
            example = "2026-11-28T00:00:00Z",
            required = true)
        String from,
    @Schema(
            description =
                "End (exclusive), ISO-8601 with offset; at most sightline.recompute.max-range after from",
            example = "2026-11-29T00:00:00Z",
            required = true)
        String to) {

  /** The validated range; a 400 names the first bad field. */
  RecomputeRange validRange(Duration maxRange) {
    return RecomputeRange.of(from, to, maxRange);
  }
}
