package dev.sightline.enrich.domain;

import dev.sightline.schemas.avro.ModelPrice;

/**
 * The price version chosen for one observation.
 *
 * @param price the prices per usage type
 * @param version stamped on the row as {@code priceVersion}: the priceId, or the bundled table's
 *     version
 */
public record PriceChoice(ModelPrice price, String version) {}
