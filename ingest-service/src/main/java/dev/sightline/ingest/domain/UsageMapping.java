package dev.sightline.ingest.domain;

import dev.sightline.schemas.avro.Usage;

/** Token usage from GenAI semantic conventions, their deprecated names, and OpenInference. */
final class UsageMapping {

  private UsageMapping() {}

  /** The usage, or null when no token count was reported. */
  static Usage of(AttributeBag attrs) {
    Usage usage =
        Usage.newBuilder()
            .setInputTokens(
                attrs
                    .integer(
                        "gen_ai.usage.input_tokens",
                        "gen_ai.usage.prompt_tokens",
                        "llm.token_count.prompt")
                    .orElse(null))
            .setOutputTokens(
                attrs
                    .integer(
                        "gen_ai.usage.output_tokens",
                        "gen_ai.usage.completion_tokens",
                        "llm.token_count.completion")
                    .orElse(null))
            .setTotalTokens(
                attrs.integer("gen_ai.usage.total_tokens", "llm.token_count.total").orElse(null))
            .setCacheReadTokens(
                attrs
                    .integer(
                        "gen_ai.usage.cache_read.input_tokens",
                        "gen_ai.usage.cache_read_input_tokens",
                        "llm.token_count.prompt_details.cache_read")
                    .orElse(null))
            .setCacheCreationTokens(
                attrs
                    .integer(
                        "gen_ai.usage.cache_creation.input_tokens",
                        "gen_ai.usage.cache_creation_input_tokens",
                        "llm.token_count.prompt_details.cache_write")
                    .orElse(null))
            .build();
    boolean reported =
        usage.getInputTokens() != null
            || usage.getOutputTokens() != null
            || usage.getTotalTokens() != null
            || usage.getCacheReadTokens() != null
            || usage.getCacheCreationTokens() != null;
    return reported ? usage : null;
  }
}
