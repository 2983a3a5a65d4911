package dev.sightline.enrich.streams;

import static dev.sightline.enrich.TestEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketchProtoBinding;
import com.datadoghq.sketch.ddsketch.store.UnboundedSizeDenseStore;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.sightline.enrich.TestEvents;
import dev.sightline.enrich.domain.ObservationAggregates;
import dev.sightline.enrich.domain.PriceTable;
import dev.sightline.schemas.avro.Level;
import dev.sightline.schemas.avro.ObservationAggregate;
import dev.sightline.schemas.avro.ObservationPayload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AggregateTopologyTest {

  private static final String PROJECT = "project-aggregates";
  private static final long MINUTE_MICROS = 60_000_000L;

  private final TopologyHarness harness = new TopologyHarness(PriceTable.loadDefault());

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void countErrorsTokensAndCostAddUpPerGroupAndMinute() {
    harness.send(observation(TestEvents.generation("t1", "gpt-4.1").build()));
    harness.send(observation(TestEvents.generation("t2", "gpt-4.1").setLevel(Level.ERROR).build()));
    harness.send(observation(TestEvents.generation("t3", "gpt-4.1-mini").build()));
    harness.send(
        observation(latency(TestEvents.generation("t4", "gpt-4.1"), T0 + MINUTE_MICROS, 10)));
    harness.flushAggregates();

    Map<String, ObservationAggregate> windows = harness.aggregates.readKeyValuesToMap();

    assertThat(windows).hasSize(3);
    ObservationAggregate first = window(windows, "gpt-4.1", T0);
    assertThat(first.getCount()).isEqualTo(2);
    assertThat(first.getErrors()).isEqualTo(1);
    assertThat(first.getInputTokens()).isEqualTo(2000);
    assertThat(first.getOutputTokens()).isEqualTo(1000);
    assertThat(first.getCostUsd()).isCloseTo(0.012, within(1e-12));
    assertThat(first.getWindowEndMillis() - first.getWindowStartMillis()).isEqualTo(60_000);
    assertThat(window(windows, "gpt-4.1-mini", T0).getCount()).isEqualTo(1);
    assertThat(window(windows, "gpt-4.1", T0 + MINUTE_MICROS).getCount()).isEqualTo(1);
  }

  @Test
  void observationsOfOneGroupAndMinuteGoOutAsOnePartialPerInterval() {
    for (int i = 0; i < 5; i++) {
      harness.send(observation(TestEvents.generation("t" + i, "gpt-4.1").build()));
    }
    assertThat(harness.aggregates.isEmpty()).isTrue();

    harness.flushAggregates();

    List<ObservationAggregate> out = harness.aggregates.readValuesToList();
    assertThat(out).hasSize(1);
    assertThat(out.get(0).getCount()).isEqualTo(5);
    harness.flushAggregates();
    assertThat(harness.aggregates.isEmpty()).isTrue();
  }

  @Test
  void quantilesOfTwoMergedWindowSketchesMatchAllValuesWithinOnePercent() throws Exception {
    Random random = new Random(42);
    List<Double> all = new ArrayList<>();
    // Few records: the test driver commits (flushes RocksDB) after each one.
    for (int i = 0; i < 60; i++) {
      long latencyMicros = 1_000 + (long) (random.nextDouble() * random.nextDouble() * 9_000_000);
      long start = T0 + (i % 2) * MINUTE_MICROS;
      harness.send(
          observation(latency(TestEvents.generation("t", "gpt-4.1"), start, latencyMicros)));
      all.add(latencyMicros / 1000.0);
    }
    harness.flushAggregates();
    Map<String, ObservationAggregate> windows = harness.aggregates.readKeyValuesToMap();

    DDSketch merged = sketch(window(windows, "gpt-4.1", T0));
    merged.mergeWith(sketch(window(windows, "gpt-4.1", T0 + MINUTE_MICROS)));

    Collections.sort(all);
    assertThat(merged.getCount()).isEqualTo(60.0);
    for (double q : new double[] {0.5, 0.95, 0.99}) {
      double exact = all.get((int) Math.floor(q * (all.size() - 1)));
      assertThat(merged.getValueAtQuantile(q)).as("p" + q).isCloseTo(exact, withinPercentage(1));
    }
  }

  @Test
  void anObservationUpdatedAfterItsCreateIsCountedOnceWhenComplete() {
    ObservationPayload create =
        TestEvents.generation("t", "gpt-4.1").setEndTimeMicros(null).build();
    harness.send(observation(create));
    harness.flushAggregates();
    assertThat(harness.aggregates.isEmpty()).isTrue();

    harness.send(observation(update(create).setEndTimeMicros(T0 + 1_500_000).build()));
    harness.send(observation(update(create).setOutput("more").build()));
    harness.flushAggregates();

    List<ObservationAggregate> out = harness.aggregates.readValuesToList();
    assertThat(out).hasSize(1);
    assertThat(out.get(0).getCount()).isEqualTo(1);
    assertThat(sketch(out.get(0)).getMaxValue()).isCloseTo(1500.0, withinPercentage(1));
  }

  @Test
  void anObservationThatNeverEndsIsCountedAfterTheWaitWithoutALatency() {
    harness.send(observation(TestEvents.generation("t", "gpt-4.1").setEndTimeMicros(null).build()));

    harness.advance(Duration.ofMinutes(5).plusSeconds(1));

    ObservationAggregate out = harness.aggregates.readValue();
    assertThat(out.getCount()).isEqualTo(1);
    assertThat(sketch(out).isEmpty()).isTrue();
    assertThat(harness.enriched.readValuesToList()).hasSize(1);
  }

  @Test
  void anObservationStartingHoursAheadIsWindowedAtMostAFewMinutesAheadOfTheClock() {
    long hoursAhead = TopologyHarness.NOW.toEpochMilli() * 1000 + 3 * 3_600_000_000L;
    harness.send(observation(latency(TestEvents.generation("t", "gpt-4.1"), hoursAhead, 1000)));
    harness.flushAggregates();

    ObservationAggregate out = harness.aggregates.readValue();
    assertThat(out.getWindowStartMillis())
        .isLessThanOrEqualTo(
            TopologyHarness.NOW.plus(AggregatePartialProcessor.MAX_AHEAD).toEpochMilli());
  }

  private static ObservationPayload latency(
      ObservationPayload.Builder generation, long start, long latencyMicros) {
    return generation
        .setStartTimeMicros(start)
        .setCompletionStartTimeMicros(null)
        .setEndTimeMicros(start + latencyMicros)
        .build();
  }

  private static ObservationPayload.Builder update(ObservationPayload create) {
    return ObservationPayload.newBuilder()
        .setObservationId(create.getObservationId())
        .setTraceId(create.getTraceId())
        .setUpdate(true);
  }

  private static dev.sightline.schemas.avro.IngestEvent observation(ObservationPayload o) {
    return TestEvents.observation(PROJECT, o);
  }

  private static ObservationAggregate window(
      Map<String, ObservationAggregate> windows, String model, long startMicros) {
    return windows.values().stream()
        .filter(a -> a.getModel().equals(model) && a.getWindowStartMillis() == startMicros / 1000)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no window for " + model + " at " + startMicros));
  }

  /** Decodes the published protobuf the way a reader of the topic or table would. */
  private static DDSketch sketch(ObservationAggregate a) {
    try {
      return DDSketchProtoBinding.fromProto(
          UnboundedSizeDenseStore::new,
          com.datadoghq.sketch.ddsketch.proto.DDSketch.parseFrom(
              ObservationAggregates.bytes(a.getLatencySketch())));
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }
}
