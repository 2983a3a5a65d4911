package dev.sightline.query.domain.price;

import dev.sightline.query.domain.InvalidRequestException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a price version before it is stored, so enrich never receives one it cannot apply. */
public final class PriceValidator {

  /** Usage types become ClickHouse detail keys and cost breakdown names, so keep them plain. */
  private static final Pattern USAGE_TYPE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

  private static final int MAX_PATTERN_LENGTH = 200;

  private PriceValidator() {}

  /**
   * The normalized version (no id yet, not deleted) if the request is valid.
   *
   * @param effectiveFrom ISO-8601 with an offset; null or blank means {@code now}
   * @throws InvalidRequestException naming the first bad field, e.g. {@code prices[1].tiers[0]}
   */
  public static ModelPriceVersion validate(
      String modelPattern,
      String provider,
      String projectId,
      String effectiveFrom,
      List<UsagePrice> prices,
      Instant now) {
    String pattern = modelPattern == null ? "" : modelPattern.strip();
    if (pattern.isEmpty() || pattern.length() > MAX_PATTERN_LENGTH) {
      throw new InvalidRequestException(
          "modelPattern must be 1–" + MAX_PATTERN_LENGTH + " characters, e.g. gpt-4o or gpt-4.1*.");
    }
    return new ModelPriceVersion(
        null,
        blankToNull(projectId),
        pattern,
        blankToNull(provider),
        instant(effectiveFrom, now),
        validPrices(prices),
        false,
        now);
  }

  private static Instant instant(String text, Instant now) {
    if (text == null || text.isBlank()) {
      return now;
    }
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(
          "effectiveFrom must be an ISO-8601 time with offset, e.g. 2026-12-01T00:00:00Z.");
    }
  }

  private static List<UsagePrice> validPrices(List<UsagePrice> prices) {
    if (prices == null || prices.isEmpty()) {
      throw new InvalidRequestException(
          "prices must list at least one {usageType, usdPerMillionTokens}.");
    }
    Set<String> types = new HashSet<>();
    List<UsagePrice> out = new ArrayList<>();
    for (int i = 0; i < prices.size(); i++) {
      String at = "prices[" + i + "]";
      UsagePrice price = prices.get(i);
      if (price == null
          || price.usageType() == null
          || !USAGE_TYPE.matcher(price.usageType()).matches()) {
        throw new InvalidRequestException(
            at + ".usageType must be 1–64 characters of A-Z a-z 0-9 _ . : - (e.g. input).");
      }
      if (!types.add(price.usageType())) {
        throw new InvalidRequestException(
            at + ".usageType " + price.usageType() + " is priced twice.");
      }
      checkPrice(at + ".usdPerMillionTokens", price.usdPerMillionTokens());
      out.add(new UsagePrice(price.usageType(), price.usdPerMillionTokens(), tiers(at, price)));
    }
    return List.copyOf(out);
  }

  private static List<PriceTier> tiers(String at, UsagePrice price) {
    List<PriceTier> tiers = price.tiers() == null ? List.of() : price.tiers();
    long previous = 0;
    for (int j = 0; j < tiers.size(); j++) {
      String tierAt = at + ".tiers[" + j + "]";
      PriceTier tier = tiers.get(j);
      if (tier == null || tier.aboveTokens() == null || tier.aboveTokens() <= previous) {
        throw new InvalidRequestException(
            tierAt
                + ".aboveTokens must be a positive token count greater than the previous tier's"
                + " (tiers ascend by aboveTokens).");
      }
      checkPrice(tierAt + ".usdPerMillionTokens", tier.usdPerMillionTokens());
      previous = tier.aboveTokens();
    }
    return List.copyOf(tiers);
  }

  private static void checkPrice(String field, Double usd) {
    if (usd == null || !Double.isFinite(usd) || usd < 0) {
      throw new InvalidRequestException(
          field + " must be a number ≥ 0 (USD per million tokens), was " + usd + ".");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
