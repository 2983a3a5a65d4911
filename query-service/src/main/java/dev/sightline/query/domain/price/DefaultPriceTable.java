package dev.sightline.query.domain.price;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.query.domain.InvalidRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the bundled price table ({@code prices/default-prices.json}): enrich-service's format
 * ({@code {version, models: [{model, inputPerMTok, outputPerMTok, cacheReadPerMTok?,
 * cacheWritePerMTok?}]}}) plus optional {@code provider} per model and a top-level {@code
 * effectiveFrom} (default the epoch, so the first table prices all history).
 */
public final class DefaultPriceTable {

  /** Where the table is on the classpath. */
  public static final String RESOURCE = "prices/default-prices.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private DefaultPriceTable() {}

  /** The table bundled with the service. */
  public static List<ModelPriceVersion> bundled() {
    try (InputStream in = DefaultPriceTable.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Global versions with ids {@code default:<model>:<version>}, so seeding the same table again
   * finds them stored; {@code updatedAt} is null until stored.
   *
   * @throws IllegalStateException naming the entry that is malformed
   */
  public static List<ModelPriceVersion> parse(InputStream in) throws IOException {
    JsonNode root = JSON.readTree(in);
    String version = text(root, "version");
    if (version == null || !root.path("models").isArray()) {
      throw new IllegalStateException(RESOURCE + " needs a \"version\" and a \"models\" array");
    }
    String effectiveFrom = text(root, "effectiveFrom");
    List<ModelPriceVersion> out = new ArrayList<>();
    for (JsonNode model : root.path("models")) {
      String name = text(model, "model");
      List<UsagePrice> prices = new ArrayList<>();
      add(prices, "input", model.get("inputPerMTok"));
      add(prices, "output", model.get("outputPerMTok"));
      add(prices, "cache_read", model.get("cacheReadPerMTok"));
      add(prices, "cache_creation", model.get("cacheWritePerMTok"));
      try {
        ModelPriceVersion v =
            PriceValidator.validate(
                name,
                text(model, "provider"),
                null,
                effectiveFrom == null ? "1970-01-01T00:00:00Z" : effectiveFrom,
                prices,
                Instant.EPOCH);
        out.add(
            new ModelPriceVersion(
                "default:" + v.modelPattern() + ":" + version,
                null,
                v.modelPattern(),
                v.provider(),
                v.effectiveFrom(),
                v.prices(),
                false,
                null));
      } catch (InvalidRequestException e) {
        throw new IllegalStateException(RESOURCE + ", model " + name + ": " + e.getMessage(), e);
      }
    }
    return List.copyOf(out);
  }

  private static void add(List<UsagePrice> prices, String type, JsonNode usd) {
    if (usd != null && !usd.isNull()) {
      prices.add(new UsagePrice(type, usd.isNumber() ? usd.asDouble() : null, List.of()));
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
