package dev.sightline.query.domain.trace;

/**
 * Cost of one observation in USD.
 *
 * @param source PRICE_TABLE, PROVIDER or NONE (cost unknown)
 * @param note why the cost is what it is, e.g. "unknown model: foo"; null when nothing to say
 */
public record Cost(Double input, Double output, Double total, String source, String note) {}
