package dev.sightline.ingest.domain.langfuse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.schemas.avro.Usage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Langfuse usage and cost maps ({@code usageDetails}, {@code costDetails}, the legacy {@code
 * usage}, and the OTel attributes {@code langfuse.observation.usage_details/cost_details}).
 */
public final class UsageDetails {

  private static final List<String> INPUT =
      List.of("input", "input_tokens", "prompt_tokens", "promptTokens");
  private static final List<String> OUTPUT =
      List.of("output", "output_tokens", "completion_tokens", "completionTokens");
  private static final List<String> TOTAL = List.of("total", "total_tokens", "totalTokens");
  private static final List<String> CACHE_READ =
      List.of("cache_read_input_tokens", "input_cached_tokens", "input_cache_read", "cache_read");
  private static final List<String> CACHE_CREATION =
      List.of("cache_creation_input_tokens", "input_cache_creation", "cache_creation");

  private static final ObjectMapper JSON = new ObjectMapper();

  private UsageDetails() {}

  /** Token counts by name; known names go to their fields, the rest to {@code details}. */
  public static Usage usage(Map<String, Long> counts) {
    if (counts.isEmpty()) {
      return null;
    }
    Map<String, Long> rest = new LinkedHashMap<>(counts);
    return Usage.newBuilder()
        .setInputTokens(take(rest, INPUT))
        .setOutputTokens(take(rest, OUTPUT))
        .setTotalTokens(take(rest, TOTAL))
        .setCacheReadTokens(take(rest, CACHE_READ))
        .setCacheCreationTokens(take(rest, CACHE_CREATION))
        .setDetails(rest)
        .build();
  }

  /** The total of a cost map: its {@code total} entry, else the sum of the others. */
  public static Double totalCost(Map<String, Double> costs) {
    if (costs.isEmpty()) {
      return null;
    }
    Double total = costs.get("total");
    return total != null ? total : costs.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /** Whole-number entries of a JSON object (e.g. usageDetails); other entries are skipped. */
  public static Map<String, Long> counts(JsonNode object) {
    Map<String, Long> out = new LinkedHashMap<>();
    if (object != null && object.isObject()) {
      object
          .fields()
          .forEachRemaining(
              e -> {
                JsonNode v = e.getValue();
                // The legacy usage object mixes costs ("inputCost") and a unit into the counts.
                if (v.isNumber() && v.canConvertToLong() && !e.getKey().endsWith("Cost")) {
                  out.put(e.getKey(), v.longValue());
                }
              });
    }
    return out;
  }

  /** Numeric entries of a JSON object (e.g. costDetails). */
  public static Map<String, Double> amounts(JsonNode object) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (object != null && object.isObject()) {
      object
          .fields()
          .forEachRemaining(
              e -> {
                if (e.getValue().isNumber()) {
                  out.put(e.getKey(), e.getValue().doubleValue());
                }
              });
    }
    return out;
  }

  /** The JSON text parsed as an object, or empty when it is not one. */
  public static Optional<JsonNode> parseObject(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static Long take(Map<String, Long> rest, List<String> names) {
    Long found = null;
    for (String name : names) {
      Long v = rest.remove(name);
      if (found == null) {
        found = v;
      }
    }
    return found;
  }
}
