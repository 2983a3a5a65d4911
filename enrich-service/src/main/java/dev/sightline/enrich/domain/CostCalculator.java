package dev.sightline.enrich.domain;

import dev.sightline.schemas.avro.CostBreakdown;
import dev.sightline.schemas.avro.CostSource;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.avro.Usage;

/** Prices an observation: a provider-reported cost wins, else token usage times the price table. */
public final class CostCalculator {

  private static final double PER_TOKEN = 1_000_000.0;

  private final PriceTable prices;

  public CostCalculator(PriceTable prices) {
    this.prices = prices;
  }

  /** The cost of one observation; unknown models and missing usage give a null cost and a note. */
  public CostResult cost(ObservationPayload observation) {
    if (observation.getProvidedCostUsd() != null) {
      // The provider knows discounts and tiers we do not; its total is the truth.
      CostBreakdown provided =
          new CostBreakdown(null, null, null, null, observation.getProvidedCostUsd());
      return new CostResult(provided, CostSource.PROVIDER, null);
    }
    String model = observation.getModel();
    Usage usage = observation.getUsage();
    boolean hasModel = model != null && !model.isBlank();
    if (!hasModel) {
      // A plain span has neither; only say something when there is usage we could not price.
      return CostResult.unknown(hasTokens(usage) ? "no model reported" : null);
    }
    ModelPrice price = prices.find(model).orElse(null);
    if (price == null) {
      return CostResult.unknown("unknown model: " + model);
    }
    if (!hasTokens(usage)) {
      return CostResult.unknown("no token usage reported for model: " + model);
    }
    return new CostResult(breakdown(usage, price), CostSource.PRICE_TABLE, null);
  }

  private static CostBreakdown breakdown(Usage usage, ModelPrice price) {
    Double input = times(usage.getInputTokens(), price.inputPerMTok());
    Double output = times(usage.getOutputTokens(), price.outputPerMTok());
    // Without a cache price the provider bills cached tokens like plain input.
    Double cacheRead =
        times(usage.getCacheReadTokens(), orElse(price.cacheReadPerMTok(), price.inputPerMTok()));
    Double cacheCreation =
        times(
            usage.getCacheCreationTokens(),
            orElse(price.cacheWritePerMTok(), price.inputPerMTok()));
    double total = 0;
    for (Double part : new Double[] {input, output, cacheRead, cacheCreation}) {
      total += part == null ? 0 : part;
    }
    return new CostBreakdown(input, output, cacheRead, cacheCreation, total);
  }

  private static boolean hasTokens(Usage usage) {
    return usage != null
        && (usage.getInputTokens() != null
            || usage.getOutputTokens() != null
            || usage.getCacheReadTokens() != null
            || usage.getCacheCreationTokens() != null);
  }

  private static Double times(Long tokens, double perMTok) {
    return tokens == null ? null : tokens * perMTok / PER_TOKEN;
  }

  private static double orElse(Double value, double fallback) {
    return value == null ? fallback : value;
  }
}
