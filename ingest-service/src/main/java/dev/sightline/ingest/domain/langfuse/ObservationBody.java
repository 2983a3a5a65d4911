package dev.sightline.ingest.domain.langfuse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.schemas.avro.Level;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.avro.ObservationType;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A span / generation / event (or other observation type) body as an observation payload. */
final class ObservationBody {

  /** Body fields with a payload field; every other field is kept in {@code attributes}. */
  private static final Set<String> MAPPED =
      Set.of(
          "id",
          "traceId",
          "type",
          "name",
          "startTime",
          "endTime",
          "completionStartTime",
          "model",
          "modelParameters",
          "usage",
          "usageDetails",
          "costDetails",
          "promptName",
          "promptVersion",
          "input",
          "output",
          "metadata",
          "level",
          "statusMessage",
          "parentObservationId",
          "environment",
          "version");

  private ObservationBody() {}

  static ObservationPayload of(
      JsonNode body, String pointer, ObservationType type, boolean update, long itemMicros) {
    Fields f = new Fields(body, pointer);
    Long start = f.micros("startTime");
    JsonNode legacyUsage = f.object("usage");
    JsonNode usageDetails = f.object("usageDetails");
    Map<String, Double> costs = UsageDetails.amounts(f.object("costDetails"));
    if (costs.isEmpty() && legacyUsage != null) {
      legacyCosts(legacyUsage, costs);
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    f.stringMap("metadata").forEach((k, v) -> attributes.put("metadata." + k, v));
    if (f.text("version") != null) {
      attributes.put("version", f.text("version"));
    }
    body.fields()
        .forEachRemaining(
            e -> {
              if (!MAPPED.contains(e.getKey()) && !e.getValue().isNull()) {
                JsonNode v = e.getValue();
                attributes.put(e.getKey(), v.isTextual() ? v.textValue() : v.toString());
              }
            });
    return ObservationPayload.newBuilder()
        .setObservationId(f.required("id"))
        .setTraceId(f.required("traceId"))
        .setParentObservationId(f.text("parentObservationId"))
        .setType(type)
        .setUpdate(update)
        .setName(f.text("name"))
        // Langfuse starts a created observation at the event's time when startTime is absent.
        .setStartTimeMicros(start != null || update ? start : Long.valueOf(itemMicros))
        .setEndTimeMicros(f.micros("endTime"))
        .setCompletionStartTimeMicros(f.micros("completionStartTime"))
        .setModel(f.text("model"))
        .setModelParameters(f.stringMap("modelParameters"))
        .setUsage(
            UsageDetails.usage(
                UsageDetails.counts(usageDetails != null ? usageDetails : legacyUsage)))
        .setProvidedCostUsd(UsageDetails.totalCost(costs))
        .setPromptName(f.text("promptName"))
        .setPromptVersion(f.integer("promptVersion"))
        .setInput(f.anyJson("input"))
        .setOutput(f.anyJson("output"))
        .setLevel(level(f.text("level"), pointer + "/level"))
        .setStatusMessage(f.text("statusMessage"))
        .setEnvironment(f.text("environment"))
        .setAttributes(attributes)
        .build();
  }

  private static void legacyCosts(JsonNode usage, Map<String, Double> costs) {
    for (String k : new String[] {"input", "output", "total"}) {
      JsonNode v = usage.get(k + "Cost");
      if (v != null && v.isNumber()) {
        costs.put(k, v.doubleValue());
      }
    }
  }

  private static Level level(String text, String pointer) {
    if (text == null) {
      return Level.DEFAULT;
    }
    try {
      return Level.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidItem(pointer, "expected DEBUG, DEFAULT, WARNING or ERROR, got " + text);
    }
  }
}
