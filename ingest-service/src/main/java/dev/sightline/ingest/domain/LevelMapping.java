package dev.sightline.ingest.domain;

import dev.sightline.schemas.avro.Level;
import dev.sightline.schemas.avro.ObservationPayload;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.Locale;
import java.util.Optional;

/** Level and status message from the span status, exception events and Langfuse attributes. */
final class LevelMapping {

  private LevelMapping() {}

  /** Status ERROR or an exception event → ERROR; else {@code langfuse.observation.level}. */
  static void apply(Span span, AttributeBag attrs, ObservationPayload.Builder b) {
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
    Status status = span.getStatus();
    Optional<String> exception = exceptionMessage(span);
    boolean error =
        status.getCode() == Status.StatusCode.STATUS_CODE_ERROR || exception.isPresent();
    b.setLevel(error ? Level.ERROR : explicit.orElse(Level.DEFAULT));
    String message = status.getMessage().isEmpty() ? null : status.getMessage();
    b.setStatusMessage(
        Optional.ofNullable(message)
            .or(() -> attrs.text("langfuse.observation.status_message"))
            .or(() -> exception)
            .orElse(null));
  }

  /** The message (else the type) of the span's first {@code exception} event. */
  private static Optional<String> exceptionMessage(Span span) {
    for (Span.Event e : span.getEventsList()) {
      if (e.getName().equals("exception")) {
        String message = null;
        String type = null;
        for (KeyValue kv : e.getAttributesList()) {
          if (kv.getKey().equals("exception.message")) {
            message = AnyValues.text(kv.getValue());
          } else if (kv.getKey().equals("exception.type")) {
            type = AnyValues.text(kv.getValue());
          }
        }
        return Optional.of(message != null ? message : type != null ? type : "exception");
      }
    }
    return Optional.empty();
  }
}
