package dev.sightline.ingest.domain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;

/**
 * Turns OTLP/JSON into the protobuf request, so that one mapper serves both encodings.
 *
 * <p>Hand-written over a Jackson tree rather than protobuf's JsonFormat: OTLP/JSON differs from
 * canonical proto JSON (hex ids, not base64), and walking the tree lets every error name its path.
 * Unknown fields are ignored, as the OTLP spec asks of receivers.
 */
public final class OtlpJsonDecoder {

  /** Deepest JSON nesting accepted; real OTLP needs about 10, deeper is an attack on the stack. */
  public static final int MAX_NESTING_DEPTH = 64;

  // Strict: a duplicate key or trailing garbage means the client's encoder is broken.
  private static final ObjectMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                  .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private OtlpJsonDecoder() {}

  /** Decodes one ExportTraceServiceRequest, or throws naming what is wrong and where. */
  public static ExportTraceServiceRequest decode(byte[] body) {
    JsonNode root = parse(body);
    JsonReader in = new JsonReader();
    if (root == null || root.isMissingNode()) {
      throw new MalformedRequestException(
          "$", "empty body; expected a JSON object with \"resourceSpans\"");
    }
    if (!root.isObject()) {
      throw new MalformedRequestException("$", "expected a JSON object with \"resourceSpans\"");
    }
    ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
    in.forEach(
        root,
        "resourceSpans",
        "resourceSpans",
        (rs, p) -> request.addResourceSpans(resourceSpans(in, rs, p)));
    return request.build();
  }

  /**
   * Parses a JSON body with the ingest limits (nesting depth, duplicate keys, trailing content,
   * NaN) and client-facing messages; for every JSON transport, so all answer bad JSON alike.
   *
   * @return the tree, or a MissingNode for an empty body
   * @throws MalformedRequestException naming line and column
   */
  public static JsonNode parse(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line %d column %d"
                  .formatted(e.getLocation().getLineNr(), e.getLocation().getColumnNr());
      throw new MalformedRequestException("invalid JSON" + where + ": " + explain(e), e);
    } catch (java.io.IOException e) {
      throw new MalformedRequestException("unreadable JSON body: " + e.getMessage(), e);
    }
  }

  // Jackson's wording names its own feature flags; say what the client must change instead.
  private static String explain(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (message.contains("Invalid UTF-8") || message.contains("Invalid UTF8")) {
      return "body is not valid UTF-8 (" + message + ")";
    }
    if (message.contains("Non-standard token")) {
      return "NaN and Infinity are not valid JSON numbers; send a finite number or omit the field";
    }
    if (message.contains("nesting depth")) {
      return "nested deeper than " + MAX_NESTING_DEPTH + " levels";
    }
    return message;
  }

  private static ResourceSpans resourceSpans(JsonReader in, JsonNode node, String path) {
    ResourceSpans.Builder b =
        ResourceSpans.newBuilder().setSchemaUrl(in.string(node, "schemaUrl", path));
    JsonNode resource = in.object(node, "resource", path);
    if (resource != null) {
      Resource.Builder r = Resource.newBuilder();
      in.attributes(resource, path + ".resource", r::addAttributes);
      b.setResource(r);
    }
    in.forEach(
        node,
        "scopeSpans",
        path + ".scopeSpans",
        (ss, p) -> b.addScopeSpans(scopeSpans(in, ss, p)));
    return b.build();
  }

  private static ScopeSpans scopeSpans(JsonReader in, JsonNode node, String path) {
    ScopeSpans.Builder b = ScopeSpans.newBuilder().setSchemaUrl(in.string(node, "schemaUrl", path));
    JsonNode scope = in.object(node, "scope", path);
    if (scope != null) {
      String scopePath = path + ".scope";
      InstrumentationScope.Builder s =
          InstrumentationScope.newBuilder()
              .setName(in.string(scope, "name", scopePath))
              .setVersion(in.string(scope, "version", scopePath));
      in.attributes(scope, scopePath, s::addAttributes);
      b.setScope(s);
    }
    in.forEach(node, "spans", path + ".spans", (span, p) -> b.addSpans(span(in, span, p)));
    return b.build();
  }

  private static Span span(JsonReader in, JsonNode node, String path) {
    Span.Builder b =
        Span.newBuilder()
            .setTraceId(in.hex(node, "traceId", path))
            .setSpanId(in.hex(node, "spanId", path))
            .setParentSpanId(in.hex(node, "parentSpanId", path))
            .setTraceState(in.string(node, "traceState", path))
            .setName(in.string(node, "name", path))
            .setKindValue(in.enumValue(node, "kind", path, Span.SpanKind::valueOf, 5))
            .setStartTimeUnixNano(in.uint64(node, "startTimeUnixNano", path))
            .setEndTimeUnixNano(in.uint64(node, "endTimeUnixNano", path))
            .setFlags((int) in.uint64(node, "flags", path));
    in.attributes(node, path, b::addAttributes);
    in.forEach(
        node,
        "events",
        path + ".events",
        (e, p) -> {
          Span.Event.Builder event =
              Span.Event.newBuilder()
                  .setName(in.string(e, "name", p))
                  .setTimeUnixNano(in.uint64(e, "timeUnixNano", p));
          in.attributes(e, p, event::addAttributes);
          b.addEvents(event);
        });
    in.forEach(
        node,
        "links",
        path + ".links",
        (l, p) -> {
          Span.Link.Builder link =
              Span.Link.newBuilder()
                  .setTraceId(in.hex(l, "traceId", p))
                  .setSpanId(in.hex(l, "spanId", p))
                  .setTraceState(in.string(l, "traceState", p));
          in.attributes(l, p, link::addAttributes);
          b.addLinks(link);
        });
    JsonNode status = in.object(node, "status", path);
    if (status != null) {
      b.setStatus(
          Status.newBuilder()
              .setMessage(in.string(status, "message", path + ".status"))
              .setCodeValue(
                  in.enumValue(status, "code", path + ".status", Status.StatusCode::valueOf, 2)));
    }
    return b.build();
  }
}
