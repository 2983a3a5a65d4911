package dev.sightline.query.api;

import dev.sightline.query.domain.price.ModelPriceVersion;
import dev.sightline.query.domain.price.PriceValidator;
import dev.sightline.query.domain.price.UsagePrice;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/admin/prices}: a new version of a model's prices. */
@Schema(description = "A new price version")
public record NewPrice(
    @Schema(
            description = "Exact model name, or a pattern with * wildcards such as gpt-4.1*",
            required = true)
        String modelPattern,
    @Schema(description = "Provider, e.g. openai; informational") String provider,
    @Schema(description = "The project this price is for; omitted: the global table")
        String projectId,
    @Schema(
            description = "ISO-8601 time with offset from which this version applies; default now",
            example = "2026-12-01T00:00:00Z")
        String effectiveFrom,
    @Schema(
            description =
                "USD per million tokens per usage type (input, output, cache_read,"
                    + " cache_creation or a provider-specific type); tiers ascend by"
                    + " aboveTokens and, once exceeded, apply to all tokens of the type",
            required = true)
        List<UsagePrice> prices) {

  /** The validated draft; a 400 names the first bad field. */
  ModelPriceVersion validDraft(Instant now) {
    return PriceValidator.validate(modelPattern, provider, projectId, effectiveFrom, prices, now);
  }
}
