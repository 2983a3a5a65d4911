package dev.sightline.enrich.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * USD prices per million tokens of one model name or {@code *} pattern.
 *
 * @param model exact model name, or a pattern with {@code *} wildcards such as {@code gpt-4.1*}
 * @param inputPerMTok USD per million input tokens
 * @param outputPerMTok USD per million output tokens
 * @param cacheReadPerMTok USD per million cache-read tokens; null bills them as input tokens
 * @param cacheWritePerMTok USD per million cache-creation tokens; null bills them as input tokens
 */
public record ModelPrice(
    String model,
    double inputPerMTok,
    double outputPerMTok,
    Double cacheReadPerMTok,
    Double cacheWritePerMTok) {

  @JsonCreator
  public ModelPrice(
      @JsonProperty(value = "model", required = true) String model,
      @JsonProperty(value = "inputPerMTok", required = true) double inputPerMTok,
      @JsonProperty(value = "outputPerMTok", required = true) double outputPerMTok,
      @JsonProperty("cacheReadPerMTok") Double cacheReadPerMTok,
      @JsonProperty("cacheWritePerMTok") Double cacheWritePerMTok) {
    this.model = Objects.requireNonNull(model, "model");
    this.inputPerMTok = inputPerMTok;
    this.outputPerMTok = outputPerMTok;
    this.cacheReadPerMTok = cacheReadPerMTok;
    this.cacheWritePerMTok = cacheWritePerMTok;
  }

  /** Whether the entry is a {@code *} pattern rather than an exact name. */
  public boolean isPattern() {
    return model.contains("*");
  }
}
