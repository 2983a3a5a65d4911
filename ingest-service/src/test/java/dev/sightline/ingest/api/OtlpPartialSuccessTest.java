package dev.sightline.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.ingest.domain.OtlpFixtures;
import dev.sightline.ingest.domain.OtlpSpanMapper;
import dev.sightline.ingest.domain.guard.Rejection;
import dev.sightline.schemas.avro.IngestEvent;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OtlpPartialSuccessTest {

  private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";

  private final AtomicInteger ids = new AtomicInteger();
  private final List<IngestEvent> events =
      new OtlpSpanMapper(() -> "e" + ids.incrementAndGet())
          .map(
              OtlpFixtures.request(
                  List.of(),
                  OtlpFixtures.span(TRACE, "b7ad6b7169203331", null, "root").build(),
                  OtlpFixtures.span(TRACE, "00f067aa0ba902b7", "b7ad6b7169203331", "child")
                      .build()),
              "p",
              1L);

  @Test
  void countsARootSpanOnceWhenBothItsTraceAndObservationAreRefused() {
    // e1 = TRACE of the root, e2 = its OBSERVATION, e3 = the child.
    List<Rejection> refused =
        List.of(
            new Rejection("e1", "span[0]", "too old"), new Rejection("e2", "span[0]", "too old"));

    OtlpPartialSuccess outcome = OtlpPartialSuccess.of(events, List.of(), refused);

    assertThat(outcome.rejectedSpans()).isEqualTo(1);
    assertThat(outcome.errorMessage()).isEqualTo("span[0]: too old; span[0]: too old");
    assertThat(outcome.toProto().getRejectedSpans()).isEqualTo(1);
  }

  @Test
  void addsSpansThatCouldNotBeMappedAndReportsNothingWhenAllPassed() {
    OtlpPartialSuccess outcome =
        OtlpPartialSuccess.of(
            events,
            List.of(new Rejection("", "spans[2].spanId", "bad")),
            List.of(new Rejection("e3", "span[1]", "too big")));

    assertThat(outcome.rejectedSpans()).isEqualTo(2);
    assertThat(OtlpPartialSuccess.of(events, List.of(), List.of()).any()).isFalse();
  }
}
