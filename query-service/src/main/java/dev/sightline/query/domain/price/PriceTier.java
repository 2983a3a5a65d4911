package dev.sightline.query.domain.price;

/**
 * A higher price for all tokens of a usage type once their count exceeds {@code aboveTokens}.
 *
 * @param aboveTokens the threshold, exclusive
 * @param usdPerMillionTokens the price that then applies to every token of the type
 */
public record PriceTier(Long aboveTokens, Double usdPerMillionTokens) {}
