package dev.sightline.enrich.domain;

import dev.sightline.schemas.avro.CostBreakdown;
import dev.sightline.schemas.avro.CostSource;

/**
 * The cost of one observation and how it was found.
 *
 * @param cost the breakdown in USD, or null when unknown (never a made-up zero)
 * @param source price table, provider report, or none
 * @param note why the cost is what it is when that is not obvious, else null
 * @param priceVersion the price version used (priceId or bundled table version), else null
 */
public record CostResult(CostBreakdown cost, CostSource source, String note, String priceVersion) {

  static CostResult unknown(String note) {
    return new CostResult(null, CostSource.NONE, note, null);
  }
}
