package dev.sightline.ingest.domain;

import dev.sightline.ingest.domain.guard.Rejection;
import dev.sightline.schemas.avro.EventKind;
import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.avro.ObservationPayload;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Maps an OTLP export request (from either wire encoding) to ingest envelopes: one OBSERVATION per
 * span and one extra TRACE per root span. Pure: no I/O, no framework.
 */
public final class OtlpSpanMapper {

  private final Supplier<String> eventIds;

  /** A mapper that gives every envelope a random UUID. */
  public OtlpSpanMapper() {
    this(OtlpSpanMapper::randomUuid);
  }

  /**
   * A version-4 UUID from {@link ThreadLocalRandom}: event ids must be unique, not unguessable, and
   * {@code UUID.randomUUID()} contends on one SecureRandom under load (bench profile).
   */
  static String randomUuid() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }

  /** A mapper with a chosen event id source (tests). */
  public OtlpSpanMapper(Supplier<String> eventIds) {
    this.eventIds = eventIds;
  }

  /**
   * Maps every span of the request.
   *
   * @throws MalformedRequestException naming the first span with invalid ids
   */
  public List<IngestEvent> map(
      ExportTraceServiceRequest request, String projectId, long receivedAtMicros) {
    Result result = mapEach(request, projectId, receivedAtMicros);
    if (!result.invalidSpans().isEmpty()) {
      Rejection first = result.invalidSpans().get(0);
      throw new MalformedRequestException(first.pointer(), first.message());
    }
    return result.events();
  }

  /** Maps every valid span; a span with invalid ids is reported instead (OTLP partial success). */
  public Result mapEach(
      ExportTraceServiceRequest request, String projectId, long receivedAtMicros) {
    List<IngestEvent> events = new ArrayList<>();
    List<Rejection> invalid = new ArrayList<>();
    for (int r = 0; r < request.getResourceSpansCount(); r++) {
      ResourceSpans rs = request.getResourceSpans(r);
      ResourceAttributes resource = new ResourceAttributes(rs.getResource().getAttributesList());
      for (int s = 0; s < rs.getScopeSpansCount(); s++) {
        ScopeSpans ss = rs.getScopeSpans(s);
        for (int k = 0; k < ss.getSpansCount(); k++) {
          SpanPath path = new SpanPath(r, s, k);
          Span span = ss.getSpans(k);
          try {
            mapSpan(span, resource, ss.getScope(), path)
                .forEach(p -> events.add(envelope(projectId, receivedAtMicros, p)));
          } catch (InvalidSpan e) {
            String spanId = HexFormat.of().formatHex(span.getSpanId().toByteArray());
            invalid.add(new Rejection(spanId, e.pointer, e.getMessage()));
          }
        }
      }
    }
    return new Result(List.copyOf(events), List.copyOf(invalid));
  }

  /**
   * What a request mapped to.
   *
   * @param events envelopes in span order, a root span's TRACE directly before its OBSERVATION
   * @param invalidSpans spans that could not be mapped, with their path
   */
  public record Result(List<IngestEvent> events, List<Rejection> invalidSpans) {}

  /**
   * Where a span sits in the request, spelled out only when a rejection names it: formatting it for
   * every span was 5 % of ingest's bench profile.
   */
  private record SpanPath(int resource, int scope, int span) {
    @Override
    public String toString() {
      return "resourceSpans[" + resource + "].scopeSpans[" + scope + "].spans[" + span + "]";
    }
  }

  private static final class InvalidSpan extends RuntimeException {
    private final String pointer;

    InvalidSpan(String pointer, String message) {
      super(message, null, false, false);
      this.pointer = pointer;
    }
  }

  private List<Object> mapSpan(
      Span span, ResourceAttributes resource, InstrumentationScope scope, SpanPath path) {
    ObservationMapping.Ids ids = ids(span, path);
    AttributeBag attrs = new AttributeBag(span.getAttributesList());
    String environment = attrs.text("langfuse.environment").orElse(null);
    boolean fromResource = environment == null && resource.environment() != null;
    if (fromResource) {
      environment = resource.environment();
    }
    ObservationPayload observation =
        ObservationMapping.of(
            span, ids, attrs, resource.remaining(fromResource), scope, environment);
    List<Object> payloads = new ArrayList<>();
    if (ids.parentSpanId() == null) {
      payloads.add(TraceMapping.of(span, ids.traceId(), environment, observation, 0));
    }
    payloads.add(observation);
    return payloads;
  }

  private static ObservationMapping.Ids ids(Span span, SpanPath path) {
    byte[] traceId = span.getTraceId().toByteArray();
    byte[] spanId = span.getSpanId().toByteArray();
    byte[] parent = span.getParentSpanId().toByteArray();
    if (traceId.length != 16 || allZero(traceId)) {
      throw new InvalidSpan(
          path + ".traceId", "must be 16 bytes (32 hex characters) and not all zero");
    }
    if (spanId.length != 8 || allZero(spanId)) {
      throw new InvalidSpan(
          path + ".spanId", "must be 8 bytes (16 hex characters) and not all zero");
    }
    if (parent.length != 0 && parent.length != 8) {
      throw new InvalidSpan(path + ".parentSpanId", "must be empty or 8 bytes (16 hex characters)");
    }
    HexFormat hex = HexFormat.of();
    // Some SDKs send an all-zero parent for roots; treat it as no parent.
    String parentHex = parent.length == 0 || allZero(parent) ? null : hex.formatHex(parent);
    return new ObservationMapping.Ids(hex.formatHex(traceId), hex.formatHex(spanId), parentHex);
  }

  private static boolean allZero(byte[] bytes) {
    for (byte b : bytes) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private IngestEvent envelope(String projectId, long receivedAtMicros, Object payload) {
    return IngestEvent.newBuilder()
        .setEventId(eventIds.get())
        .setProjectId(projectId)
        .setReceivedAtMicros(receivedAtMicros)
        .setKind(payload instanceof ObservationPayload ? EventKind.OBSERVATION : EventKind.TRACE)
        .setPayload(payload)
        .build();
  }
}
