package dev.sightline.ingest.domain;

import dev.sightline.ingest.domain.langfuse.IsoTimes;
import dev.sightline.ingest.domain.langfuse.UsageDetails;
import dev.sightline.schemas.avro.ObservationPayload;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Maps one span's fields and attributes to an observation; see the README's mapping table. */
final class ObservationMapping {

  private static final List<String> MODEL_KEYS =
      List.of(
          "langfuse.observation.model.name",
          "gen_ai.response.model",
          "gen_ai.request.model",
          "llm.model_name");

  private ObservationMapping() {}

  /**
   * The observation; {@code span} attributes are consumed as they map, and {@code
   * resourceAttributes} (already {@code resource.*}) are added to what is left.
   */
  static ObservationPayload of(
      Span span,
      Ids ids,
      AttributeBag attrs,
      Map<String, String> resourceAttributes,
      InstrumentationScope scope,
      String environment) {
    Map<String, String> rest = new LinkedHashMap<>(OtelExtras.of(span));
    ObservationPayload.Builder b =
        ObservationPayload.newBuilder()
            .setObservationId(ids.spanId())
            .setTraceId(ids.traceId())
            .setParentObservationId(ids.parentSpanId())
            .setName(TraceMapping.emptyToNull(span.getName()))
            .setStartTimeMicros(micros(span.getStartTimeUnixNano()))
            .setEndTimeMicros(micros(span.getEndTimeUnixNano()))
            .setCompletionStartTimeMicros(completionStart(attrs))
            .setEnvironment(environment)
            .setType(ObservationTypes.infer(attrs, MODEL_KEYS))
            .setModel(attrs.text(MODEL_KEYS.toArray(String[]::new)).orElse(null))
            .setProvider(
                attrs
                    .text("gen_ai.provider.name", "gen_ai.system", "llm.provider", "llm.system")
                    .orElse(null))
            .setModelParameters(modelParameters(attrs))
            .setUsage(UsageMapping.of(attrs))
            .setProvidedCostUsd(UsageMapping.cost(attrs))
            .setPromptName(
                attrs.text("langfuse.observation.prompt.name", "gen_ai.prompt.name").orElse(null))
            .setPromptVersion(
                attrs
                    .integer("langfuse.observation.prompt.version", "gen_ai.prompt.version")
                    .map(Long::intValue)
                    .orElse(null))
            .setInput(MessageContent.input(attrs, span))
            .setOutput(MessageContent.output(attrs, span))
            .setRetrievalDocuments(RetrievalMapping.of(attrs, rest));
    LevelMapping.apply(span, attrs, b);
    if (!scope.getName().isEmpty()) {
      rest.put("otel.scope.name", scope.getName());
    }
    if (!scope.getVersion().isEmpty()) {
      rest.put("otel.scope.version", scope.getVersion());
    }
    rest.putAll(attrs.remaining(""));
    rest.putAll(resourceAttributes);
    return b.setAttributes(rest).build();
  }

  /** {@code gen_ai.request.*} (prefix dropped), then Langfuse / OpenInference JSON objects. */
  private static Map<String, String> modelParameters(AttributeBag attrs) {
    // The request model stays in attributes when the response model won.
    Map<String, String> parameters =
        new LinkedHashMap<>(attrs.takePrefixedExcept("gen_ai.request.", Set.of("model")));
    for (String key :
        List.of("langfuse.observation.model.parameters", "llm.invocation_parameters")) {
      attrs
          .peekText(key)
          .flatMap(UsageDetails::parseObject)
          .ifPresent(
              json -> {
                attrs.text(key);
                json.fields()
                    .forEachRemaining(
                        e -> {
                          String v =
                              e.getValue().isTextual()
                                  ? e.getValue().textValue()
                                  : e.getValue().toString();
                          parameters.putIfAbsent(e.getKey(), v);
                        });
              });
    }
    return parameters;
  }

  private static Long completionStart(AttributeBag attrs) {
    // The Langfuse SDK writes it JSON-encoded, quotes included.
    Optional<Long> micros =
        attrs
            .peekText("langfuse.observation.completion_start_time")
            .flatMap(v -> IsoTimes.micros(v.replace("\"", "").trim()));
    micros.ifPresent(m -> attrs.text("langfuse.observation.completion_start_time"));
    return micros.orElse(null);
  }

  static Long micros(long unixNanos) {
    // OTLP uses 0 for "not set".
    return unixNanos == 0 ? null : unixNanos / 1_000;
  }

  /** The hex ids of one span. */
  record Ids(String traceId, String spanId, String parentSpanId) {}
}
