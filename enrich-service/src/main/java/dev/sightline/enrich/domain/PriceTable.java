package dev.sightline.enrich.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.schemas.avro.UsagePrice;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** A versioned table of model prices: exact names first, then the longest matching pattern. */
public final class PriceTable {

  /** Classpath location of the price table shipped with the service. */
  public static final String DEFAULT_RESOURCE = "/prices/default-prices.json";

  private final String version;
  private final Map<String, ModelPrice> exact = new HashMap<>();
  private final List<Map.Entry<Pattern, ModelPrice>> patterns;

  @JsonCreator
  public PriceTable(
      @JsonProperty(value = "version", required = true) String version,
      @JsonProperty(value = "models", required = true) List<ModelPrice> models) {
    this.version = version;
    for (ModelPrice price : models) {
      if (!price.isPattern()) {
        exact.put(normalize(price.model()), price);
      }
    }
    // Longest pattern first: the most specific one wins ("gpt-4.1-mini*" over "gpt-4.1*").
    this.patterns =
        models.stream()
            .filter(ModelPrice::isPattern)
            .sorted(Comparator.comparingInt((ModelPrice p) -> p.model().length()).reversed())
            .map(p -> Map.entry(glob(normalize(p.model())), p))
            .toList();
  }

  /** Reads a table from JSON ({@code {"version": "...", "models": [...]}}). */
  public static PriceTable read(InputStream json) {
    try {
      return new ObjectMapper().readValue(json, PriceTable.class);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable price table: " + e.getMessage(), e);
    }
  }

  /** The table shipped in {@value #DEFAULT_RESOURCE}. */
  public static PriceTable loadDefault() {
    try (InputStream in = PriceTable.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The table's version, stamped on every enriched observation as {@code priceVersion}. */
  public String version() {
    return version;
  }

  /**
   * One bundled entry in the topic's form (global, effective since the epoch), so one calculator
   * prices both; the query-service seed uses the same conversion.
   */
  public dev.sightline.schemas.avro.ModelPrice asModelPrice(ModelPrice entry) {
    List<UsagePrice> prices = new ArrayList<>();
    prices.add(usage(CostCalculator.INPUT, entry.inputPerMTok()));
    prices.add(usage(CostCalculator.OUTPUT, entry.outputPerMTok()));
    if (entry.cacheReadPerMTok() != null) {
      prices.add(usage(CostCalculator.CACHE_READ, entry.cacheReadPerMTok()));
    }
    if (entry.cacheWritePerMTok() != null) {
      prices.add(usage(CostCalculator.CACHE_CREATION, entry.cacheWritePerMTok()));
    }
    return dev.sightline.schemas.avro.ModelPrice.newBuilder()
        .setPriceId("bundled:" + version + ":" + entry.model())
        .setProjectId(null)
        .setModelPattern(entry.model())
        .setEffectiveFromMicros(0L)
        .setPrices(prices)
        .setUpdatedAtMicros(0L)
        .build();
  }

  private static UsagePrice usage(String type, double perMTok) {
    return UsagePrice.newBuilder().setUsageType(type).setUsdPerMillionTokens(perMTok).build();
  }

  /** The price of a model: an exact (case-insensitive) name, else the longest matching pattern. */
  public Optional<ModelPrice> find(String model) {
    if (model == null || model.isBlank()) {
      return Optional.empty();
    }
    String key = normalize(model);
    ModelPrice hit = exact.get(key);
    if (hit != null) {
      return Optional.of(hit);
    }
    return patterns.stream()
        .filter(e -> e.getKey().matcher(key).matches())
        .map(Map.Entry::getValue)
        .findFirst();
  }

  private static String normalize(String model) {
    return model.strip().toLowerCase(Locale.ROOT);
  }

  private static Pattern glob(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (String part : pattern.split("\\*", -1)) {
      if (!regex.isEmpty()) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString());
  }
}
