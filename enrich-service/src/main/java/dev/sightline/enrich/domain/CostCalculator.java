package dev.sightline.enrich.domain;

import dev.sightline.schemas.avro.CostBreakdown;
import dev.sightline.schemas.avro.CostSource;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.avro.PriceTier;
import dev.sightline.schemas.avro.Usage;
import dev.sightline.schemas.avro.UsagePrice;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Prices an observation: a provider-reported cost wins, else token usage times the price book. */
public final class CostCalculator {

  /** Usage type names of the price table; any other name prices a {@code Usage.details} entry. */
  public static final String INPUT = "input";

  public static final String OUTPUT = "output";
  public static final String CACHE_READ = "cache_read";
  public static final String CACHE_CREATION = "cache_creation";

  private static final double PER_TOKEN = 1_000_000.0;

  private final PriceBook prices;

  public CostCalculator(PriceBook prices) {
    this.prices = prices;
  }

  /** The cost of one observation of {@code projectId} priced at {@code atMicros}. */
  public CostResult cost(String projectId, ObservationPayload observation, long atMicros) {
    if (observation.getProvidedCostUsd() != null) {
      // The provider knows discounts and tiers we do not; its total is the truth.
      CostBreakdown provided =
          new CostBreakdown(null, null, null, null, observation.getProvidedCostUsd());
      return new CostResult(provided, CostSource.PROVIDER, null, null);
    }
    String model = observation.getModel();
    Usage usage = observation.getUsage();
    if (model == null || model.isBlank()) {
      // A plain span has neither; only say something when there is usage we could not price.
      return CostResult.unknown(hasTokens(usage) ? "no model reported" : null);
    }
    PriceChoice choice = prices.select(projectId, model, atMicros).orElse(null);
    if (choice == null) {
      return CostResult.unknown("unknown model: " + model);
    }
    if (!hasTokens(usage)) {
      return CostResult.unknown("no token usage reported for model: " + model);
    }
    return priced(usage, choice);
  }

  private static CostResult priced(Usage usage, PriceChoice choice) {
    Map<String, UsagePrice> byType = new TreeMap<>();
    choice
        .price()
        .getPrices()
        .forEach(p -> byType.put(p.getUsageType().toLowerCase(Locale.ROOT), p));
    List<String> unpriced = new ArrayList<>();
    Double input = times(usage.getInputTokens(), byType.get(INPUT), INPUT, unpriced);
    Double output = times(usage.getOutputTokens(), byType.get(OUTPUT), OUTPUT, unpriced);
    // Without a cache price the provider bills cached tokens like plain input.
    Double cacheRead =
        times(usage.getCacheReadTokens(), cachePrice(byType, CACHE_READ), CACHE_READ, unpriced);
    Double cacheCreation =
        times(
            usage.getCacheCreationTokens(),
            cachePrice(byType, CACHE_CREATION),
            CACHE_CREATION,
            unpriced);
    double total = 0;
    for (Double part : new Double[] {input, output, cacheRead, cacheCreation}) {
      total += part == null ? 0 : part;
    }
    // Other usage types (audio, images...) cost only when the price names them; reasoning tokens
    // are usually part of output already, so an unnamed detail is not an error.
    for (Map.Entry<String, Long> detail : usage.getDetails().entrySet()) {
      UsagePrice price = byType.get(detail.getKey().toLowerCase(Locale.ROOT));
      if (price != null && detail.getValue() != null) {
        total += detail.getValue() * rate(price, detail.getValue()) / PER_TOKEN;
      }
    }
    String note =
        unpriced.isEmpty() ? null : "no price for usage type: " + String.join(", ", unpriced);
    return new CostResult(
        new CostBreakdown(input, output, cacheRead, cacheCreation, total),
        CostSource.PRICE_TABLE,
        note,
        choice.version());
  }

  private static UsagePrice cachePrice(Map<String, UsagePrice> byType, String type) {
    UsagePrice own = byType.get(type);
    return own != null ? own : byType.get(INPUT);
  }

  private static Double times(Long tokens, UsagePrice price, String type, List<String> unpriced) {
    if (tokens == null) {
      return null;
    }
    if (price == null) {
      unpriced.add(type);
      return null;
    }
    return tokens * rate(price, tokens) / PER_TOKEN;
  }

  /**
   * USD per million tokens for {@code tokens} of one type: the highest tier whose threshold the
   * tokens exceed applies to all of them (how Google and Anthropic bill long contexts).
   */
  static double rate(UsagePrice price, long tokens) {
    double rate = price.getUsdPerMillionTokens();
    long threshold = Long.MIN_VALUE;
    for (PriceTier tier : price.getTiers()) {
      if (tokens > tier.getAboveTokens() && tier.getAboveTokens() >= threshold) {
        threshold = tier.getAboveTokens();
        rate = tier.getUsdPerMillionTokens();
      }
    }
    return rate;
  }

  private static boolean hasTokens(Usage usage) {
    return usage != null
        && (usage.getInputTokens() != null
            || usage.getOutputTokens() != null
            || usage.getCacheReadTokens() != null
            || usage.getCacheCreationTokens() != null);
  }
}
