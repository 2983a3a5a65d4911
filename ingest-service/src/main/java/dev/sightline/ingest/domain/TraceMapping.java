package dev.sightline.ingest.domain;

import dev.sightline.schemas.avro.TracePayload;
import io.opentelemetry.proto.trace.v1.Span;

/** Builds the trace record that a root span implies; reads attributes without consuming them. */
final class TraceMapping {

  private TraceMapping() {}

  static TracePayload of(
      Span span, String traceId, String environment, Long startMicros, long fallbackMicros) {
    // The observation keeps these keys in its attributes too, so nothing is lost for child spans.
    AttributeBag attrs = new AttributeBag(span.getAttributesList());
    return TracePayload.newBuilder()
        .setTraceId(traceId)
        .setName(attrs.peekText("langfuse.trace.name").orElse(emptyToNull(span.getName())))
        .setUserId(attrs.peekText("user.id", "langfuse.user.id").orElse(null))
        .setSessionId(
            attrs
                .peekText("session.id", "langfuse.session.id", "gen_ai.conversation.id")
                .orElse(null))
        .setTags(attrs.peekStrings("langfuse.trace.tags"))
        .setEnvironment(environment)
        .setRelease(attrs.peekText("langfuse.release").orElse(null))
        .setVersion(attrs.peekText("langfuse.version").orElse(null))
        .setInput(attrs.peekText("langfuse.trace.input").orElse(null))
        .setOutput(attrs.peekText("langfuse.trace.output").orElse(null))
        .setMetadata(attrs.peekPrefixed("langfuse.trace.metadata."))
        .setTimestampMicros(startMicros != null ? startMicros : fallbackMicros)
        .build();
  }

  static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
