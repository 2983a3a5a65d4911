package dev.sightline.query.domain.price;

import java.time.Instant;
import java.util.List;

/**
 * One version of a model's prices, valid from {@code effectiveFrom} until a later version.
 *
 * @param priceId {@code price_…} for admin versions, {@code default:<model>:<version>} for the
 *     bundled table
 * @param projectId null for the global table
 * @param modelPattern an exact model name or a pattern with {@code *} wildcards
 * @param deleted a retracted version, still pushed so enrich forgets it
 * @param updatedAt the last change, which orders the version's records on the topic
 */
public record ModelPriceVersion(
    String priceId,
    String projectId,
    String modelPattern,
    String provider,
    Instant effectiveFrom,
    List<UsagePrice> prices,
    boolean deleted,
    Instant updatedAt) {}
