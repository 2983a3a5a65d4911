package dev.sightline.ingest.domain;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.HexFormat;

/** Small builders for OTLP test requests. */
public final class OtlpFixtures {

  private OtlpFixtures() {}

  public static KeyValue str(String key, String value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setStringValue(value))
        .build();
  }

  public static KeyValue num(String key, long value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setIntValue(value))
        .build();
  }

  public static KeyValue dbl(String key, double value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setDoubleValue(value))
        .build();
  }

  public static ByteString hex(String hex) {
    return ByteString.copyFrom(HexFormat.of().parseHex(hex));
  }

  /** A span with ids and times; start 1 700 000 000 s, end 1.5 s later. */
  public static Span.Builder span(String traceId, String spanId, String parentId, String name) {
    return Span.newBuilder()
        .setTraceId(hex(traceId))
        .setSpanId(hex(spanId))
        .setParentSpanId(parentId == null ? ByteString.EMPTY : hex(parentId))
        .setName(name)
        .setStartTimeUnixNano(1_700_000_000_000_000_000L)
        .setEndTimeUnixNano(1_700_000_001_500_000_000L);
  }

  /** One resource (with the given attributes) and one scope holding the spans. */
  public static ExportTraceServiceRequest request(Iterable<KeyValue> resource, Span... spans) {
    ScopeSpans.Builder scope =
        ScopeSpans.newBuilder()
            .setScope(InstrumentationScope.newBuilder().setName("test-scope").setVersion("1.0"));
    for (Span s : spans) {
      scope.addSpans(s);
    }
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(
            ResourceSpans.newBuilder()
                .setResource(Resource.newBuilder().addAllAttributes(resource))
                .addScopeSpans(scope))
        .build();
  }
}
