package dev.sightline.enrich.streams;

import static dev.sightline.enrich.TestEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sightline.enrich.TestEvents;
import dev.sightline.enrich.domain.PriceTable;
import dev.sightline.enrich.domain.RowDay;
import dev.sightline.schemas.avro.EnrichedObservation;
import dev.sightline.schemas.avro.EventKind;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.avro.TracePayload;
import dev.sightline.schemas.avro.TraceRecord;
import dev.sightline.schemas.avro.Usage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MergeTopologyTest {

  private static final String PROJECT = "project-merge";
  private static final String TRACE = "trace-merge";
  private static final long DAY = 86_400_000_000L;

  private final TopologyHarness harness = new TopologyHarness(PriceTable.loadDefault());

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void anUpdateBeforeItsCreateIsHeldBackThenMergedIntoOneCompleteRow() {
    ObservationPayload create =
        TestEvents.generation(TRACE, "gpt-4.1")
            .setEndTimeMicros(null)
            .setUsage(Usage.newBuilder().setInputTokens(1000L).build())
            .setInput("question")
            .build();
    harness.send(TestEvents.observation(PROJECT, endUpdate(create)));
    assertThat(harness.enriched.isEmpty()).isTrue();

    harness.send(TestEvents.observation(PROJECT, create));

    List<EnrichedObservation> rows = harness.enriched.readValuesToList();
    assertThat(rows).hasSize(1);
    EnrichedObservation row = rows.get(0);
    assertThat(row.getObservation().getName()).isEqualTo("answer");
    assertThat(row.getObservation().getInput()).isEqualTo("question");
    assertThat(row.getObservation().getOutput()).isEqualTo("the answer");
    assertThat(row.getObservation().getUpdate()).isFalse();
    assertThat(row.getObservation().getUsage().getInputTokens()).isEqualTo(1000L);
    assertThat(row.getObservation().getUsage().getOutputTokens()).isEqualTo(500L);
    assertThat(row.getLatencyMs()).isEqualTo(1500.0);
    // gpt-4.1 in the bundled table: 1000 x $2/MTok + 500 x $8/MTok
    assertThat(row.getCost().getTotalUsd()).isCloseTo(0.006, within(1e-12));
    assertThat(harness.metrics.lateEvents()).isZero();
  }

  @Test
  void completeObservationsAreDroppedWithTheirTraceARetentionAfterTheirLastEvent() {
    harness.send(TestEvents.observation(PROJECT, TestEvents.generation(TRACE, "gpt-4.1").build()));
    harness.advance(Duration.ofDays(3));
    harness.send(TestEvents.observation(PROJECT, TestEvents.generation(TRACE, "gpt-4.1").build()));

    // Retention is 7 days, booked per trace and whole hour: the first state goes after 7d + <1h.
    harness.advance(Duration.ofDays(4).minusMinutes(1));
    assertThat(harness.metrics.expiredStates()).isZero();
    harness.advance(Duration.ofMinutes(61));
    assertThat(harness.metrics.expiredStates()).isEqualTo(1);
    harness.advance(Duration.ofDays(3));
    assertThat(harness.metrics.expiredStates()).isEqualTo(2);
  }

  @Test
  void childrenArrivingBeforeTheirParentAreEmittedAsTheyCome() {
    ObservationPayload parent = TestEvents.generation(TRACE, "gpt-4.1").setName("agent").build();
    ObservationPayload child =
        TestEvents.generation(TRACE, "gpt-4.1")
            .setParentObservationId(parent.getObservationId())
            .build();

    harness.send(TestEvents.observation(PROJECT, child));
    harness.send(TestEvents.observation(PROJECT, parent));

    assertThat(harness.enriched.readValuesToList())
        .extracting(e -> e.getObservation().getObservationId())
        .containsExactly(child.getObservationId(), parent.getObservationId());
  }

  @Test
  void aCreateLaterThanTheGracePeriodIsMergedIntoTheSameRowAndCounted() {
    ObservationPayload create =
        TestEvents.generation(TRACE, "gpt-4.1").setEndTimeMicros(null).build();
    harness.send(TestEvents.observation(PROJECT, endUpdate(create)));

    harness.advance(Duration.ofSeconds(31));
    EnrichedObservation partial = harness.enriched.readValue();
    assertThat(partial.getObservation().getOutput()).isEqualTo("the answer");
    assertThat(partial.getObservation().getName()).isNull();
    assertThat(harness.metrics.flushedWithoutCreate()).isEqualTo(1);

    harness.send(TestEvents.observation(PROJECT, create));
    EnrichedObservation complete = harness.enriched.readValue();
    assertThat(complete.getObservation().getObservationId()).isEqualTo(create.getObservationId());
    assertThat(complete.getObservation().getName()).isEqualTo("answer");
    assertThat(complete.getLatencyMs()).isEqualTo(1500.0);
    assertThat(complete.getEnrichedAtMicros()).isGreaterThan(partial.getEnrichedAtMicros());
    assertThat(harness.metrics.lateEvents()).isEqualTo(1);
  }

  @Test
  void aLateStartOnAnotherDayKeepsTheRowInTheDayItWasFirstStoredIn() {
    ObservationPayload create = TestEvents.generation(TRACE, "gpt-4.1").build();
    harness.send(TestEvents.observation(PROJECT, create));
    ObservationPayload moved =
        ObservationPayload.newBuilder()
            .setObservationId(create.getObservationId())
            .setTraceId(TRACE)
            .setUpdate(true)
            .setStartTimeMicros(T0 - 2 * DAY)
            .build();

    harness.send(TestEvents.observation(PROJECT, moved));

    List<EnrichedObservation> rows = harness.enriched.readValuesToList();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(1).getObservation().getStartTimeMicros()).isEqualTo(T0);
    assertThat(rows.get(1).getObservation().getAttributes())
        .containsEntry(RowDay.LATE_START_ATTRIBUTE, String.valueOf(T0 - 2 * DAY));
  }

  @Test
  void traceEventsMergeWithTheUnionOfTagsAndTheLaterNameWinning() {
    harness.send(TestEvents.trace(PROJECT, TRACE));
    TracePayload later =
        TracePayload.newBuilder()
            .setTraceId(TRACE)
            .setName("renamed")
            .setSessionId("session-1")
            .setTags(List.of("beta", "vip"))
            .setMetadata(Map.of("tier", "gold"))
            .setTimestampMicros(T0 + 5_000_000)
            .build();
    harness.send(TestEvents.envelope(PROJECT, EventKind.TRACE, later));

    List<TraceRecord> out = harness.traces.readValuesToList();
    assertThat(out).hasSize(2);
    TracePayload merged = out.get(1).getTrace();
    assertThat(merged.getName()).isEqualTo("renamed");
    assertThat(merged.getUserId()).isEqualTo("user-1");
    assertThat(merged.getSessionId()).isEqualTo("session-1");
    assertThat(merged.getTags()).containsExactly("prod", "beta", "vip");
    assertThat(merged.getMetadata()).containsEntry("region", "eu").containsEntry("tier", "gold");
    assertThat(merged.getTimestampMicros()).isEqualTo(T0);
    assertThat(out.get(1).getReceivedAtMicros()).isGreaterThan(out.get(0).getReceivedAtMicros());
  }

  /** The update a Langfuse SDK sends when a generation ends. */
  private static ObservationPayload endUpdate(ObservationPayload create) {
    return ObservationPayload.newBuilder()
        .setObservationId(create.getObservationId())
        .setTraceId(create.getTraceId())
        .setUpdate(true)
        .setEndTimeMicros(T0 + 1_500_000)
        .setOutput("the answer")
        .setUsage(Usage.newBuilder().setOutputTokens(500L).build())
        .build();
  }
}
