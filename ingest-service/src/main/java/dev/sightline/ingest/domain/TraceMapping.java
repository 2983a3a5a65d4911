package dev.sightline.ingest.domain;

import dev.sightline.ingest.domain.langfuse.UsageDetails;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.avro.TracePayload;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the trace record that a root span implies; reads attributes without consuming them. */
final class TraceMapping {

  private TraceMapping() {}

  static TracePayload of(
      Span span, String traceId, String environment, ObservationPayload root, long fallbackMicros) {
    // The observation keeps these keys in its attributes too, so nothing is lost for child spans.
    AttributeBag attrs = new AttributeBag(span.getAttributesList());
    List<String> tags = attrs.peekStrings("langfuse.trace.tags");
    Long start = root.getStartTimeMicros();
    return TracePayload.newBuilder()
        .setTraceId(traceId)
        .setName(attrs.peekText("langfuse.trace.name").orElse(emptyToNull(span.getName())))
        .setUserId(attrs.peekText("user.id", "langfuse.user.id").orElse(null))
        .setSessionId(
            attrs
                .peekText("session.id", "langfuse.session.id", "gen_ai.conversation.id")
                .orElse(null))
        .setTags(tags.isEmpty() ? attrs.peekStrings("tag.tags") : tags)
        .setEnvironment(environment)
        .setRelease(attrs.peekText("langfuse.release").orElse(null))
        .setVersion(attrs.peekText("langfuse.version").orElse(null))
        // Like Langfuse: without explicit trace input/output, the root span's stand for them.
        .setInput(attrs.peekText("langfuse.trace.input").orElse(root.getInput()))
        .setOutput(attrs.peekText("langfuse.trace.output").orElse(root.getOutput()))
        .setMetadata(metadata(attrs))
        .setTimestampMicros(start != null ? start : fallbackMicros)
        .build();
  }

  /**
   * OpenInference's {@code metadata} JSON object, overlaid by {@code langfuse.trace.metadata.*}.
   */
  private static Map<String, String> metadata(AttributeBag attrs) {
    Map<String, String> out = new LinkedHashMap<>();
    attrs
        .peekText("metadata")
        .flatMap(UsageDetails::parseObject)
        .ifPresent(
            json ->
                json.fields()
                    .forEachRemaining(
                        e ->
                            out.put(
                                e.getKey(),
                                e.getValue().isTextual()
                                    ? e.getValue().textValue()
                                    : e.getValue().toString())));
    out.putAll(attrs.peekPrefixed("langfuse.trace.metadata."));
    return out;
  }

  static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
