package dev.sightline.ingest.domain.guard;

import dev.sightline.ingest.domain.masking.EventMasker;
import dev.sightline.ingest.domain.ratelimit.ProjectRateLimiter;
import dev.sightline.schemas.avro.EventKind;
import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.avro.TracePayload;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The admission rules, framework-free: request size, rate, per-event checks, duplicates, then
 * truncation and masking of what is accepted. Valid events of a request are kept when others fail.
 */
public final class EventGuard {

  private final GuardLimits limits;
  private final ProjectRateLimiter rateLimiter;
  private final EventMasker masker;
  private final LongSupplier nowMicros;
  private final EventChecks checks;
  private final Truncation truncation;

  /** A guard; {@code nowMicros} is the clock that "far in the past/future" is measured against. */
  public EventGuard(
      GuardLimits limits,
      ProjectRateLimiter rateLimiter,
      EventMasker masker,
      LongSupplier nowMicros) {
    this.limits = limits;
    this.rateLimiter = rateLimiter;
    this.masker = masker;
    this.nowMicros = nowMicros;
    this.checks = new EventChecks(limits);
    this.truncation = new Truncation(limits);
  }

  /**
   * Admits the events of one request; accepted events are truncated and masked in place.
   *
   * @throws BatchTooLarge when the request has more events than allowed; nothing is admitted
   * @throws RateLimitExceeded when the project is over its rate; nothing is admitted
   */
  public Admission admit(String projectId, List<IngestEvent> events, EventLocator locator) {
    if (events.size() > limits.maxEventsPerRequest()) {
      throw new BatchTooLarge(events.size(), limits.maxEventsPerRequest());
    }
    long retryAfter = rateLimiter.acquire(projectId, events.size());
    if (retryAfter > 0) {
      throw new RateLimitExceeded(projectId, retryAfter);
    }
    long now = nowMicros.getAsLong();
    EventChecks.Problem[] problems = new EventChecks.Problem[events.size()];
    Set<String> eventIds = new HashSet<>();
    Set<String> observations = new HashSet<>();
    for (int i = 0; i < events.size(); i++) {
      IngestEvent event = events.get(i);
      EventChecks.Problem p = checks.check(event, now);
      if (p == null && !eventIds.add(event.getEventId())) {
        p = new EventChecks.Problem("id", "duplicate event id " + event.getEventId());
      }
      if (p == null
          && event.getPayload() instanceof ObservationPayload o
          && !o.getUpdate()
          && !observations.add(o.getTraceId() + "/" + o.getObservationId())) {
        p =
            new EventChecks.Problem(
                "id",
                "duplicate observation id " + o.getObservationId() + " in trace " + o.getTraceId());
      }
      problems[i] = p;
    }
    rejectTracesOfRejectedRoots(events, problems, locator);
    List<IngestEvent> accepted = new ArrayList<>(events.size());
    List<Rejection> rejected = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      IngestEvent event = events.get(i);
      EventChecks.Problem p = problems[i];
      if (p != null) {
        rejected.add(
            new Rejection(event.getEventId(), locator.pointer(events, i, p.field()), p.message()));
      } else {
        masker.mask(event);
        truncation.apply(event);
        accepted.add(event);
      }
    }
    return new Admission(accepted, rejected);
  }

  // OTLP emits a TRACE right before its root span: without the span it would be half a write.
  private static void rejectTracesOfRejectedRoots(
      List<IngestEvent> events, EventChecks.Problem[] problems, EventLocator locator) {
    for (int i = 1; i < events.size(); i++) {
      IngestEvent previous = events.get(i - 1);
      if (problems[i] == null
          || problems[i - 1] != null
          || previous.getKind() != EventKind.TRACE
          || !(events.get(i).getPayload() instanceof ObservationPayload o)
          || o.getParentObservationId() != null) {
        continue;
      }
      TracePayload t = (TracePayload) previous.getPayload();
      long start = o.getStartTimeMicros() == null ? 0 : o.getStartTimeMicros();
      if (Objects.equals(t.getTraceId(), o.getTraceId()) && t.getTimestampMicros() == start) {
        problems[i - 1] =
            new EventChecks.Problem(
                "id",
                "its root span was rejected: "
                    + locator.pointer(events, i, problems[i].field())
                    + ": "
                    + problems[i].message());
      }
    }
  }
}
