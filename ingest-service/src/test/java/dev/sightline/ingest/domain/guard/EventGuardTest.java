package dev.sightline.ingest.domain.guard;

import static dev.sightline.ingest.domain.guard.Events.NOW;
import static dev.sightline.ingest.domain.guard.Events.events;
import static dev.sightline.ingest.domain.guard.Events.observation;
import static dev.sightline.ingest.domain.guard.Events.score;
import static dev.sightline.ingest.domain.guard.Events.trace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.ingest.domain.masking.BuiltInRules;
import dev.sightline.ingest.domain.masking.EventMasker;
import dev.sightline.ingest.domain.masking.Masker;
import dev.sightline.ingest.domain.masking.ProjectMaskingRules;
import dev.sightline.ingest.domain.ratelimit.ProjectRateLimiter;
import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.avro.ObservationPayload;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per class of bad event; the guard keeps the valid events of the same request. */
class EventGuardTest {

  private static final long DAY = 86_400_000_000L;
  private static final GuardLimits LIMITS =
      new GuardLimits(5, 256, 256, 64 * 1024, 1024 * 1024, Duration.ofDays(30), Duration.ofDays(1));

  private final EventGuard guard = guard(LIMITS, new ProjectRateLimiter(0, 0));

  private static EventGuard guard(GuardLimits limits, ProjectRateLimiter limiter) {
    return new EventGuard(
        limits,
        limiter,
        new EventMasker(new Masker(BuiltInRules.ALL), new ProjectMaskingRules()),
        () -> NOW);
  }

  private Admission admit(Object... payloads) {
    return guard.admit("p", events("p", payloads), EventLocator.otlpSpans());
  }

  /** Admits a valid span and the bad one; asserts the valid one is kept and returns the reason. */
  private Rejection rejectedNextToAValidSpan(Object bad) {
    Admission a = admit(observation("00000000000000a1"), bad);
    assertThat(a.accepted()).hasSize(1);
    assertThat(a.rejected()).hasSize(1);
    return a.rejected().get(0);
  }

  @Test
  void rejectsAnEmptyObservationId() {
    assertThat(rejectedNextToAValidSpan(observation("")).message()).isEqualTo("must not be empty");
  }

  @Test
  void rejectsAnIdLongerThanTheLimit() {
    assertThat(rejectedNextToAValidSpan(observation("x".repeat(257))).message())
        .isEqualTo("is 257 characters long; at most 256 allowed");
  }

  @Test
  void rejectsAnIdWithAControlCharacter() {
    assertThat(rejectedNextToAValidSpan(observation("ab\u0000cd")).message())
        .isEqualTo("contains control character U+0000 at index 2");
  }

  @Test
  void rejectsAParentIdWithANewline() {
    Rejection r =
        rejectedNextToAValidSpan(observation("00000000000000a2").setParentObservationId("a\nb"));
    assertThat(r.pointer()).endsWith("parentObservationId");
  }

  @Test
  void rejectsATraceWithAnEmptyTraceId() {
    assertThat(rejectedNextToAValidSpan(trace(NOW).setTraceId("")).pointer()).endsWith("traceId");
  }

  @Test
  void rejectsAScoreWithAnEmptyScoreId() {
    assertThat(rejectedNextToAValidSpan(score("")).pointer()).endsWith("id");
  }

  @Test
  void rejectsAStartTimeOlderThanTheMaximumAge() {
    Rejection r =
        rejectedNextToAValidSpan(
            observation("00000000000000a2")
                .setStartTimeMicros(NOW - 31 * DAY)
                .setEndTimeMicros(NOW));
    assertThat(r.message()).contains("more than PT720H in the past");
    assertThat(r.pointer()).isEqualTo("span[1] (spanId=00000000000000a2) startTime");
  }

  @Test
  void rejectsAnEndTimeTooFarInTheFuture() {
    Rejection r =
        rejectedNextToAValidSpan(observation("00000000000000a2").setEndTimeMicros(NOW + 2 * DAY));
    assertThat(r.message()).contains("in the future");
    assertThat(r.pointer()).endsWith("endTime");
  }

  @Test
  void rejectsAScoreTimestampFromTheEpochsFirstYear() {
    assertThat(rejectedNextToAValidSpan(score("s1").setTimestampMicros(5)).message())
        .contains("1970-01-01T00:00:00.000005Z");
  }

  @Test
  void rejectsAnEndBeforeItsStart() {
    Rejection r =
        rejectedNextToAValidSpan(
            observation("00000000000000a2").setStartTimeMicros(NOW).setEndTimeMicros(NOW - 1));
    assertThat(r.message()).startsWith("end time").contains("is before start time");
  }

  @Test
  void rejectsACompletionStartBeforeTheStart() {
    Rejection r =
        rejectedNextToAValidSpan(
            observation("00000000000000a2").setCompletionStartTimeMicros(NOW - 2_000_000));
    assertThat(r.pointer()).endsWith("completionStartTime");
  }

  @Test
  void rejectsADuplicateEventIdAndKeepsTheFirst() {
    List<IngestEvent> events =
        events("p", observation("00000000000000a1"), observation("00000000000000a2"));
    events.get(1).setEventId(events.get(0).getEventId());

    Admission a = guard.admit("p", events, EventLocator.otlpSpans());

    assertThat(a.accepted()).containsExactly(events.get(0));
    assertThat(a.rejected().get(0).message()).startsWith("duplicate event id");
  }

  @Test
  void rejectsTheSameSpanTwiceButNotAnUpdateOfIt() {
    Admission a =
        admit(
            observation("00000000000000a1"),
            observation("00000000000000a1"),
            observation("00000000000000a1").setUpdate(true));

    assertThat(a.accepted()).hasSize(2);
    assertThat(a.rejected())
        .singleElement()
        .satisfies(r -> assertThat(r.message()).startsWith("duplicate observation id"));
  }

  @Test
  void rejectsANonFiniteScoreValue() {
    assertThat(rejectedNextToAValidSpan(score("s1").setValue(Double.NaN)).message())
        .isEqualTo("must be a finite number, got NaN");
  }

  @Test
  void rejectsAnInfiniteProvidedCost() {
    assertThat(
            rejectedNextToAValidSpan(
                    observation("00000000000000a2").setProvidedCostUsd(Double.POSITIVE_INFINITY))
                .pointer())
        .endsWith("costDetails.total");
  }

  @Test
  void refusesARequestWithMoreEventsThanTheLimitAsAWhole() {
    Object[] six = new Object[6];
    for (int i = 0; i < six.length; i++) {
      six[i] = observation("00000000000000b" + i);
    }

    assertThatThrownBy(() -> admit(six))
        .isInstanceOf(BatchTooLarge.class)
        .hasMessageContaining("6 events; at most 5");
  }

  @Test
  void refusesTheWholeRequestWhenTheProjectIsOverItsRate() {
    EventGuard limited = guard(LIMITS, new ProjectRateLimiter(1, 2));
    limited.admit(
        "p",
        events("p", observation("00000000000000a1"), observation("00000000000000a2")),
        EventLocator.otlpSpans());

    assertThatThrownBy(
            () ->
                limited.admit(
                    "p", events("p", observation("00000000000000a3")), EventLocator.otlpSpans()))
        .isInstanceOfSatisfying(
            RateLimitExceeded.class, e -> assertThat(e.retryAfterSeconds()).isEqualTo(1));
    assertThat(
            limited
                .admit("q", events("q", observation("00000000000000a3")), EventLocator.otlpSpans())
                .accepted())
        .hasSize(1);
  }

  @Test
  void rejectsTheTraceEventOfARejectedRootSpanSoNoHalfTraceIsWritten() {
    Admission a =
        admit(
            trace(NOW),
            observation("00000000000000a1")
                .setParentObservationId(null)
                .setStartTimeMicros(NOW)
                .setEndTimeMicros(NOW - 5));

    assertThat(a.accepted()).isEmpty();
    assertThat(a.rejected()).hasSize(2);
    assertThat(a.rejected().get(0).message()).startsWith("its root span was rejected");
  }

  @Test
  void pointsAtBatchItemsInBatchTerms() {
    List<IngestEvent> events = events("p", observation("00000000000000a1"), observation(""));

    Admission a = guard.admit("p", events, EventLocator.batch(i -> i + 1));

    assertThat(a.rejected().get(0).pointer()).isEqualTo("/batch/2/body/id");
    assertThat(a.rejected().get(0).eventId()).isEqualTo(events.get(1).getEventId());
  }

  @Test
  void masksWhatItAccepts() {
    Admission a = admit(observation("00000000000000a1").setInput("mail me: x@y.org"));

    assertThat(((ObservationPayload) a.accepted().get(0).getPayload()).getInput())
        .isEqualTo("mail me: [MASKED:email]");
  }
}
