package dev.sightline.ingest.domain;

import dev.sightline.schemas.avro.Level;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.avro.ObservationType;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Maps one span's fields and attributes to an observation; see the README's mapping table. */
final class ObservationMapping {

  private static final List<String> MODEL_KEYS =
      List.of("gen_ai.response.model", "gen_ai.request.model", "llm.model_name");
  private static final List<String> MODEL_PARAMETERS =
      List.of(
          "temperature",
          "max_tokens",
          "top_p",
          "top_k",
          "frequency_penalty",
          "presence_penalty",
          "stop_sequences",
          "seed",
          "choice.count");

  private ObservationMapping() {}

  /** The observation; {@code span} attributes and {@code resource} are consumed as they map. */
  static ObservationPayload of(
      Span span,
      Ids ids,
      AttributeBag attrs,
      AttributeBag resource,
      InstrumentationScope scope,
      String environment) {
    ObservationType type = type(attrs);
    ObservationPayload.Builder b =
        ObservationPayload.newBuilder()
            .setObservationId(ids.spanId())
            .setTraceId(ids.traceId())
            .setParentObservationId(ids.parentSpanId())
            .setName(TraceMapping.emptyToNull(span.getName()))
            .setStartTimeMicros(micros(span.getStartTimeUnixNano()))
            .setEndTimeMicros(micros(span.getEndTimeUnixNano()))
            .setEnvironment(environment)
            .setType(type)
            .setModel(attrs.text(MODEL_KEYS.toArray(String[]::new)).orElse(null))
            .setProvider(attrs.text("gen_ai.provider.name", "gen_ai.system").orElse(null))
            .setUsage(UsageMapping.of(attrs))
            .setProvidedCostUsd(attrs.decimal("gen_ai.usage.cost").orElse(null))
            .setPromptName(
                attrs.text("langfuse.observation.prompt.name", "gen_ai.prompt.name").orElse(null))
            .setPromptVersion(
                attrs
                    .integer("langfuse.observation.prompt.version", "gen_ai.prompt.version")
                    .map(Long::intValue)
                    .orElse(null))
            .setInput(
                attrs
                    .text("langfuse.observation.input", "input.value", "gen_ai.prompt")
                    .orElse(null))
            .setOutput(
                attrs
                    .text("langfuse.observation.output", "output.value", "gen_ai.completion")
                    .orElse(null));
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String p : MODEL_PARAMETERS) {
      attrs.text("gen_ai.request." + p).ifPresent(v -> parameters.put(p, v));
    }
    b.setModelParameters(parameters);
    level(span.getStatus(), attrs, b);
    Map<String, String> rest = new LinkedHashMap<>(OtelExtras.of(span));
    if (!scope.getName().isEmpty()) {
      rest.put("otel.scope.name", scope.getName());
    }
    if (!scope.getVersion().isEmpty()) {
      rest.put("otel.scope.version", scope.getVersion());
    }
    rest.putAll(attrs.remaining(""));
    rest.putAll(resource.remaining("resource."));
    return b.setAttributes(rest).build();
  }

  private static ObservationType type(AttributeBag attrs) {
    Optional<ObservationType> explicit =
        attrs.peekText("langfuse.observation.type").flatMap(ObservationMapping::parseType);
    if (explicit.isPresent()) {
      attrs.text("langfuse.observation.type");
      return explicit.get();
    }
    Optional<ObservationType> openInference =
        attrs.peekText("openinference.span.kind").flatMap(ObservationMapping::openInferenceType);
    if (openInference.isPresent()) {
      attrs.text("openinference.span.kind");
      return openInference.get();
    }
    boolean hasModel = MODEL_KEYS.stream().anyMatch(k -> attrs.peekText(k).isPresent());
    return hasModel ? ObservationType.GENERATION : ObservationType.SPAN;
  }

  private static Optional<ObservationType> parseType(String value) {
    try {
      return Optional.of(ObservationType.valueOf(value.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<ObservationType> openInferenceType(String kind) {
    return switch (kind.trim().toUpperCase(Locale.ROOT)) {
      case "LLM" -> Optional.of(ObservationType.GENERATION);
      case "RETRIEVER", "RERANKER" -> Optional.of(ObservationType.RETRIEVAL);
      default -> parseType(kind);
    };
  }

  private static void level(Status status, AttributeBag attrs, ObservationPayload.Builder b) {
    Optional<Level> explicit =
        attrs
            .peekText("langfuse.observation.level")
            .flatMap(
                v -> {
                  try {
                    return Optional.of(Level.valueOf(v.trim().toUpperCase(Locale.ROOT)));
                  } catch (IllegalArgumentException e) {
                    return Optional.empty();
                  }
                });
    explicit.ifPresent(l -> attrs.text("langfuse.observation.level"));
    boolean error = status.getCode() == Status.StatusCode.STATUS_CODE_ERROR;
    b.setLevel(error ? Level.ERROR : explicit.orElse(Level.DEFAULT));
    String message = status.getMessage().isEmpty() ? null : status.getMessage();
    b.setStatusMessage(
        message != null ? message : attrs.text("langfuse.observation.status_message").orElse(null));
  }

  static Long micros(long unixNanos) {
    // OTLP uses 0 for "not set".
    return unixNanos == 0 ? null : unixNanos / 1_000;
  }

  /** The hex ids of one span. */
  record Ids(String traceId, String spanId, String parentSpanId) {}
}
