package dev.sightline.ingest.domain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.ingest.domain.langfuse.UsageDetails;
import dev.sightline.schemas.avro.Usage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Token usage and cost from Langfuse's JSON attributes, GenAI semantic conventions (and their
 * deprecated names), and OpenInference.
 */
final class UsageMapping {

  private static final Map<String, String> DETAILS =
      Map.of(
          "llm.token_count.completion_details.reasoning", "reasoning",
          "llm.token_count.prompt_details.audio", "input_audio",
          "llm.token_count.completion_details.audio", "output_audio",
          "gen_ai.usage.reasoning_tokens", "reasoning");

  private UsageMapping() {}

  /** The usage, or null when no token count was reported; Langfuse's usage_details win. */
  static Usage of(AttributeBag attrs) {
    Usage.Builder b =
        json(attrs, "langfuse.observation.usage_details")
            .map(UsageDetails::counts)
            .map(UsageDetails::usage)
            .map(Usage::newBuilder)
            .orElseGet(Usage::newBuilder);
    if (b.getInputTokens() == null) {
      b.setInputTokens(
          attrs
              .integer(
                  "gen_ai.usage.input_tokens",
                  "gen_ai.usage.prompt_tokens",
                  "llm.token_count.prompt")
              .orElse(null));
    }
    if (b.getOutputTokens() == null) {
      b.setOutputTokens(
          attrs
              .integer(
                  "gen_ai.usage.output_tokens",
                  "gen_ai.usage.completion_tokens",
                  "llm.token_count.completion")
              .orElse(null));
    }
    if (b.getTotalTokens() == null) {
      b.setTotalTokens(
          attrs.integer("gen_ai.usage.total_tokens", "llm.token_count.total").orElse(null));
    }
    if (b.getCacheReadTokens() == null) {
      b.setCacheReadTokens(
          attrs
              .integer(
                  "gen_ai.usage.cache_read.input_tokens",
                  "gen_ai.usage.cache_read_input_tokens",
                  "llm.token_count.prompt_details.cache_read")
              .orElse(null));
    }
    if (b.getCacheCreationTokens() == null) {
      b.setCacheCreationTokens(
          attrs
              .integer(
                  "gen_ai.usage.cache_creation.input_tokens",
                  "gen_ai.usage.cache_creation_input_tokens",
                  "llm.token_count.prompt_details.cache_write")
              .orElse(null));
    }
    Map<String, Long> details = new LinkedHashMap<>(b.hasDetails() ? b.getDetails() : Map.of());
    DETAILS.forEach((key, name) -> attrs.integer(key).ifPresent(n -> details.putIfAbsent(name, n)));
    Usage usage = b.setDetails(details).build();
    boolean reported =
        usage.getInputTokens() != null
            || usage.getOutputTokens() != null
            || usage.getTotalTokens() != null
            || usage.getCacheReadTokens() != null
            || usage.getCacheCreationTokens() != null
            || !usage.getDetails().isEmpty();
    return reported ? usage : null;
  }

  /**
   * The reported cost in USD: Langfuse's cost_details total, else the GenAI / OpenInference one.
   */
  static Double cost(AttributeBag attrs) {
    return json(attrs, "langfuse.observation.cost_details")
        .map(UsageDetails::amounts)
        .map(UsageDetails::totalCost)
        .or(() -> attrs.decimal("gen_ai.usage.cost", "llm.cost.total"))
        .orElse(null);
  }

  /** A JSON-object attribute, taken only when it parses. */
  private static Optional<JsonNode> json(AttributeBag attrs, String key) {
    Optional<JsonNode> parsed = attrs.peekText(key).flatMap(UsageDetails::parseObject);
    parsed.ifPresent(p -> attrs.text(key));
    return parsed;
  }
}
