package dev.sightline.ingest.domain;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Span fields the model has no column for (kind, events, links), kept as {@code otel.*} text. */
final class OtelExtras {

  private OtelExtras() {}

  static Map<String, String> of(Span span) {
    Map<String, String> out = new LinkedHashMap<>();
    if (span.getKind() != Span.SpanKind.SPAN_KIND_UNSPECIFIED) {
      out.put("otel.span.kind", span.getKind().name().replace("SPAN_KIND_", "").toLowerCase());
    }
    if (span.getEventsCount() > 0) {
      ArrayValue.Builder events = ArrayValue.newBuilder();
      for (Span.Event e : span.getEventsList()) {
        events.addValues(
            object(
                List.of(
                    kv("name", str(e.getName())),
                    kv("timeUnixNano", str(Long.toUnsignedString(e.getTimeUnixNano()))),
                    kv("attributes", object(e.getAttributesList())))));
      }
      out.put("otel.events", AnyValues.json(AnyValue.newBuilder().setArrayValue(events).build()));
    }
    if (span.getLinksCount() > 0) {
      ArrayValue.Builder links = ArrayValue.newBuilder();
      for (Span.Link l : span.getLinksList()) {
        links.addValues(
            object(
                List.of(
                    kv("traceId", str(HexFormat.of().formatHex(l.getTraceId().toByteArray()))),
                    kv("spanId", str(HexFormat.of().formatHex(l.getSpanId().toByteArray()))),
                    kv("attributes", object(l.getAttributesList())))));
      }
      out.put("otel.links", AnyValues.json(AnyValue.newBuilder().setArrayValue(links).build()));
    }
    return out;
  }

  private static AnyValue object(List<KeyValue> fields) {
    return AnyValue.newBuilder()
        .setKvlistValue(KeyValueList.newBuilder().addAllValues(fields))
        .build();
  }

  private static KeyValue kv(String key, AnyValue value) {
    return KeyValue.newBuilder().setKey(key).setValue(value).build();
  }

  private static AnyValue str(String s) {
    return AnyValue.newBuilder().setStringValue(s).build();
  }
}
