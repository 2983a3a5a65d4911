package dev.sightline.ingest.domain.guard;

import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.avro.ScorePayload;
import dev.sightline.schemas.avro.TracePayload;
import java.time.Instant;

/** Validates one mapped event: ids, timestamps, time order and finite numbers. */
final class EventChecks {

  /** What is wrong with one field of an event. */
  record Problem(String field, String message) {}

  private final GuardLimits limits;

  EventChecks(GuardLimits limits) {
    this.limits = limits;
  }

  /** The first problem of the event, or null when it is fine. */
  Problem check(IngestEvent event, long nowMicros) {
    Problem p = id("eventId", event.getEventId(), true);
    Object payload = event.getPayload();
    if (p == null && payload instanceof ObservationPayload o) {
      p = observation(o, nowMicros);
    } else if (p == null && payload instanceof TracePayload t) {
      p =
          first(
              id("traceId", t.getTraceId(), true),
              time("timestamp", t.getTimestampMicros(), nowMicros));
    } else if (p == null && payload instanceof ScorePayload s) {
      p =
          first(
              id("id", s.getScoreId(), true),
              id("traceId", s.getTraceId(), true),
              id("observationId", s.getObservationId(), false),
              time("timestamp", s.getTimestampMicros(), nowMicros),
              finite("value", s.getValue()));
    }
    return p;
  }

  private Problem observation(ObservationPayload o, long now) {
    Problem p =
        first(
            id("id", o.getObservationId(), true),
            id("traceId", o.getTraceId(), true),
            id("parentObservationId", o.getParentObservationId(), false),
            time("startTime", o.getStartTimeMicros(), now),
            time("endTime", o.getEndTimeMicros(), now),
            time("completionStartTime", o.getCompletionStartTimeMicros(), now),
            finite("costDetails.total", o.getProvidedCostUsd()));
    if (p != null) {
      return p;
    }
    Long start = o.getStartTimeMicros();
    if (start != null && o.getEndTimeMicros() != null && o.getEndTimeMicros() < start) {
      return new Problem(
          "endTime",
          "end time %s is before start time %s".formatted(iso(o.getEndTimeMicros()), iso(start)));
    }
    Long first = o.getCompletionStartTimeMicros();
    if (start != null && first != null && first < start) {
      return new Problem(
          "completionStartTime",
          "completion start %s is before start time %s".formatted(iso(first), iso(start)));
    }
    return null;
  }

  private Problem id(String field, String id, boolean required) {
    if (id == null || id.isEmpty()) {
      return required ? new Problem(field, "must not be empty") : null;
    }
    if (id.length() > limits.maxIdLength()) {
      return new Problem(
          field,
          "is %d characters long; at most %d allowed".formatted(id.length(), limits.maxIdLength()));
    }
    for (int i = 0; i < id.length(); i++) {
      if (Character.isISOControl(id.charAt(i))) {
        return new Problem(
            field,
            "contains control character U+%04X at index %d".formatted((int) id.charAt(i), i));
      }
    }
    return null;
  }

  // 0 means "not sent" for the non-null timestamps of traces and scores.
  private Problem time(String field, Long micros, long now) {
    if (micros == null || micros == 0) {
      return null;
    }
    if (micros < now - limits.maxAge().toNanos() / 1000) {
      return new Problem(
          field,
          "%s is more than %s in the past (sightline.ingest.limits.max-age)"
              .formatted(iso(micros), limits.maxAge()));
    }
    if (micros > now + limits.maxFutureSkew().toNanos() / 1000) {
      return new Problem(
          field,
          "%s is more than %s in the future (sightline.ingest.limits.max-future-skew)"
              .formatted(iso(micros), limits.maxFutureSkew()));
    }
    return null;
  }

  private static Problem finite(String field, Double value) {
    return value != null && !Double.isFinite(value)
        ? new Problem(field, "must be a finite number, got " + value)
        : null;
  }

  private static Problem first(Problem... problems) {
    for (Problem p : problems) {
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  private static String iso(long micros) {
    try {
      return Instant.EPOCH.plusNanos(Math.multiplyExact(micros, 1000L)).toString();
    } catch (ArithmeticException | java.time.DateTimeException e) {
      return micros + " µs";
    }
  }
}
