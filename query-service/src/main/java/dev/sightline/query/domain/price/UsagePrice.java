package dev.sightline.query.domain.price;

import java.util.List;

/**
 * The price of one usage type ({@code input}, {@code output}, {@code cache_read}, {@code
 * cache_creation} or a provider-specific one).
 *
 * @param tiers higher prices by token count, ascending by {@code aboveTokens}; may be empty
 */
public record UsagePrice(String usageType, Double usdPerMillionTokens, List<PriceTier> tiers) {}
