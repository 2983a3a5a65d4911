package dev.sightline.ingest.api;

import dev.sightline.ingest.domain.guard.Rejection;
import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.avro.ObservationPayload;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OTLP partial success: how many spans were not accepted and why, counted per span although a root
 * span maps to two events (trace + observation).
 *
 * @param rejectedSpans spans of which at least one event was refused
 * @param errorMessage the first reasons, empty when nothing was rejected
 */
public record OtlpPartialSuccess(long rejectedSpans, String errorMessage) {

  private static final int REASONS_SHOWN = 5;

  /**
   * Counts the spans that could not be mapped plus those with an event refused by admission.
   *
   * @param events the mapped events in mapper order (a TRACE event directly precedes its span's)
   */
  public static OtlpPartialSuccess of(
      List<IngestEvent> events, List<Rejection> invalidSpans, List<Rejection> refused) {
    if (invalidSpans.isEmpty() && refused.isEmpty()) {
      return new OtlpPartialSuccess(0, "");
    }
    Map<String, String> spanOfEvent = new HashMap<>();
    String next = null;
    for (int i = events.size() - 1; i >= 0; i--) {
      IngestEvent e = events.get(i);
      String span =
          e.getPayload() instanceof ObservationPayload o
              ? o.getTraceId() + "/" + o.getObservationId()
              : next != null ? next : e.getEventId();
      spanOfEvent.put(e.getEventId(), span);
      next = span;
    }
    Set<String> refusedSpans = new HashSet<>();
    refused.forEach(r -> refusedSpans.add(spanOfEvent.getOrDefault(r.eventId(), r.eventId())));
    List<Rejection> all = new ArrayList<>(invalidSpans);
    all.addAll(refused);
    return new OtlpPartialSuccess(invalidSpans.size() + refusedSpans.size(), reasons(all));
  }

  private static String reasons(List<Rejection> all) {
    List<String> shown = new ArrayList<>();
    for (Rejection r : all.subList(0, Math.min(REASONS_SHOWN, all.size()))) {
      shown.add(
          r.pointer() == null || r.pointer().isEmpty()
              ? r.message()
              : r.pointer() + ": " + r.message());
    }
    String more =
        all.size() > REASONS_SHOWN ? " (and " + (all.size() - REASONS_SHOWN) + " more)" : "";
    return String.join("; ", shown) + more;
  }

  /** Whether anything was rejected (an empty partial success means full success). */
  public boolean any() {
    return rejectedSpans > 0;
  }

  /** The protobuf message of the OTLP response. */
  public ExportTracePartialSuccess toProto() {
    return any()
        ? ExportTracePartialSuccess.newBuilder()
            .setRejectedSpans(rejectedSpans)
            .setErrorMessage(errorMessage)
            .build()
        : ExportTracePartialSuccess.getDefaultInstance();
  }
}
