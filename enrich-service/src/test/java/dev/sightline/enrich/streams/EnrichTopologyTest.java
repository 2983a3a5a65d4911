package dev.sightline.enrich.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sightline.enrich.TestEvents;
import dev.sightline.enrich.domain.ModelPrice;
import dev.sightline.enrich.domain.PriceTable;
import dev.sightline.schemas.avro.CostSource;
import dev.sightline.schemas.avro.DeadLetter;
import dev.sightline.schemas.avro.EnrichedObservation;
import dev.sightline.schemas.avro.EventKind;
import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.avro.ScoreRecord;
import dev.sightline.schemas.avro.TraceRecord;
import dev.sightline.schemas.avro.Usage;
import dev.sightline.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnrichTopologyTest {

  private static final Instant NOW = TopologyHarness.NOW;
  private static final String PROJECT = "project-1";
  private static final String TRACE = "trace-1";
  private static final String KEY = Topics.traceKey(PROJECT, TRACE);

  private final PriceTable prices =
      new PriceTable(
          "test-prices-1",
          List.of(
              new ModelPrice("gpt-4.1", 2.0, 8.0, 0.5, null),
              new ModelPrice("claude-sonnet-4*", 3.0, 15.0, 0.3, 3.75)));

  private TopologyHarness harness;
  private TestInputTopic<String, byte[]> ingest;
  private TestOutputTopic<String, EnrichedObservation> enriched;
  private TestOutputTopic<String, TraceRecord> traces;
  private TestOutputTopic<String, ScoreRecord> scores;
  private TestOutputTopic<String, DeadLetter> deadLetters;

  @BeforeEach
  void startDriver() {
    harness = new TopologyHarness(prices);
    ingest = harness.ingest;
    enriched = harness.enriched;
    traces = harness.traces;
    scores = harness.scores;
    deadLetters = harness.deadLetters;
  }

  @AfterEach
  void closeDriver() {
    harness.close();
  }

  @Test
  void aGenerationOfAKnownModelGetsLatencyAndTokensTimesPrice() {
    send(TestEvents.observation(PROJECT, TestEvents.generation(TRACE, "gpt-4.1").build()));

    KeyValue<String, EnrichedObservation> out = enriched.readKeyValue();
    EnrichedObservation e = out.value;
    assertThat(out.key).isEqualTo(KEY);
    assertThat(e.getLatencyMs()).isEqualTo(1500.0);
    assertThat(e.getTimeToFirstTokenMs()).isEqualTo(200.0);
    assertThat(e.getCostSource()).isEqualTo(CostSource.PRICE_TABLE);
    // 1000 input x $2/MTok + 500 output x $8/MTok
    assertThat(e.getCost().getInputUsd()).isCloseTo(0.002, within(1e-12));
    assertThat(e.getCost().getOutputUsd()).isCloseTo(0.004, within(1e-12));
    assertThat(e.getCost().getTotalUsd()).isCloseTo(0.006, within(1e-12));
    assertThat(e.getPriceVersion()).isEqualTo("test-prices-1");
    assertThat(e.getEnrichedAtMicros()).isEqualTo(NOW.toEpochMilli() * 1000);
    assertThat(e.getCostNote()).isNull();
  }

  @Test
  void eachEnrichedRecordNamesItsObservationTypeInAHeader() {
    send(TestEvents.observation(PROJECT, TestEvents.generation(TRACE, "gpt-4.1").build()));

    Header type = enriched.readRecord().headers().lastHeader(Topics.OBSERVATION_TYPE_HEADER);

    assertThat(type).isNotNull();
    assertThat(new String(type.value(), StandardCharsets.UTF_8)).isEqualTo("GENERATION");
  }

  @Test
  void cacheTokensArePricedAtTheirOwnRates() {
    Usage usage =
        Usage.newBuilder()
            .setInputTokens(100L)
            .setOutputTokens(10L)
            .setCacheReadTokens(1000L)
            .setCacheCreationTokens(2000L)
            .build();
    send(
        TestEvents.observation(
            PROJECT,
            TestEvents.generation(TRACE, "claude-sonnet-4-5-20250929").setUsage(usage).build()));

    EnrichedObservation e = enriched.readValue();
    assertThat(e.getCost().getCacheReadUsd()).isCloseTo(0.0003, within(1e-12));
    assertThat(e.getCost().getCacheCreationUsd()).isCloseTo(0.0075, within(1e-12));
    assertThat(e.getCost().getTotalUsd())
        .isCloseTo(0.0003 + 0.00015 + 0.0003 + 0.0075, within(1e-12));
  }

  @Test
  void aProviderReportedCostWinsOverThePriceTable() {
    send(
        TestEvents.observation(
            PROJECT, TestEvents.generation(TRACE, "gpt-4.1").setProvidedCostUsd(0.42).build()));

    EnrichedObservation e = enriched.readValue();
    assertThat(e.getCostSource()).isEqualTo(CostSource.PROVIDER);
    assertThat(e.getCost().getTotalUsd()).isEqualTo(0.42);
    assertThat(e.getCost().getInputUsd()).isNull();
  }

  @Test
  void anUnknownModelGetsANullCostWithANoteNeverZero() {
    send(TestEvents.observation(PROJECT, TestEvents.generation(TRACE, "my-finetune-7").build()));

    EnrichedObservation e = enriched.readValue();
    assertThat(e.getCost()).isNull();
    assertThat(e.getCostSource()).isEqualTo(CostSource.NONE);
    assertThat(e.getCostNote()).isEqualTo("unknown model: my-finetune-7");
    assertThat(e.getLatencyMs()).isEqualTo(1500.0);
  }

  @Test
  void aKnownModelWithoutUsageGetsANullCostWithANote() {
    send(
        TestEvents.observation(
            PROJECT, TestEvents.generation(TRACE, "gpt-4.1").setUsage(null).build()));

    EnrichedObservation e = enriched.readValue();
    assertThat(e.getCost()).isNull();
    assertThat(e.getCostNote()).contains("no token usage");
  }

  @Test
  void traceAndScoreEventsAreRoutedToTheirTopicsWithTheirKeys() {
    send(TestEvents.trace(PROJECT, TRACE));
    send(TestEvents.score(PROJECT, TRACE));

    KeyValue<String, TraceRecord> trace = traces.readKeyValue();
    assertThat(trace.key).isEqualTo(KEY);
    assertThat(trace.value.getTrace().getName()).isEqualTo("checkout-assistant");
    assertThat(trace.value.getProjectId()).isEqualTo(PROJECT);
    KeyValue<String, ScoreRecord> score = scores.readKeyValue();
    assertThat(score.key).isEqualTo(KEY);
    assertThat(score.value.getScore().getValue()).isEqualTo(0.9);
    assertThat(enriched.isEmpty()).isTrue();
  }

  @Test
  void aPoisonRecordGoesToDeadLettersAndTheNextRecordStillFlows() {
    byte[] poison = "not avro at all".getBytes(StandardCharsets.UTF_8);
    ingest.pipeInput(KEY, poison);
    send(TestEvents.trace(PROJECT, TRACE));

    DeadLetter dead = deadLetters.readValue();
    assertThat(dead.getSourceTopic()).isEqualTo(Topics.INGEST_EVENTS.name());
    assertThat(dead.getOffset()).isZero();
    assertThat(dead.getReason()).startsWith("undecodable IngestEvent");
    assertThat(dead.getValue().array()).isEqualTo(poison);
    assertThat(dead.getKey().array()).isEqualTo(KEY.getBytes(StandardCharsets.UTF_8));
    assertThat(traces.readValue().getTrace().getTraceId()).isEqualTo(TRACE);
  }

  @Test
  void anEventWhoseKindContradictsItsPayloadIsDeadLettered() {
    IngestEvent wrong = TestEvents.trace(PROJECT, TRACE);
    wrong.setKind(EventKind.SCORE);
    send(wrong);

    assertThat(deadLetters.readValue().getReason())
        .isEqualTo("kind SCORE with payload TracePayload");
    assertThat(scores.isEmpty()).isTrue();
  }

  private void send(IngestEvent event) {
    harness.send(event);
  }
}
