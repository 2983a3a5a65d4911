package dev.sightline.enrich.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.schemas.avro.CostSource;
import dev.sightline.schemas.avro.EnrichedObservation;
import dev.sightline.schemas.avro.ModelPrice;
import dev.sightline.schemas.avro.ObservationAggregate;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.avro.Usage;
import dev.sightline.schemas.avro.UsagePrice;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The recompute logic without Kafka, ClickHouse or Quarkus. */
class CostRecomputeTest {

  private static final String PROJECT = "p-recompute";
  private static final long START = 1_795_900_000_000_000L;

  private final PriceBook book = new PriceBook(PriceTable.loadDefault());
  private final ObservationEnricher live = new ObservationEnricher(book, Clock.systemUTC());

  @Test
  void aCorrectedPriceRepricesAStoredObservationExactlyAsTheLivePathWould() {
    book.put(price("v1", 0, 1.0));
    StoredObservation stored = stored(live.enrich(PROJECT, "e", START, generation("o1", 1000), 1));
    book.put(price("v2", START - 1, 10.0));

    CostResult repriced = new CostRecompute(book).reprice(PROJECT, stored).orElseThrow();

    EnrichedObservation liveNow = live.enrich(PROJECT, "e", START, generation("o1", 1000), 2);
    assertThat(repriced.priceVersion()).isEqualTo("v2");
    assertThat(repriced.cost()).isEqualTo(liveNow.getCost());
    assertThat(repriced.cost().getTotalUsd()).isEqualTo(0.01 + 0.01);
  }

  @Test
  void repricingUnderTheSamePricesChangesNothing() {
    book.put(price("v1", 0, 1.0));
    StoredObservation stored = stored(live.enrich(PROJECT, "e", START, generation("o1", 1000), 1));

    assertThat(new CostRecompute(book).reprice(PROJECT, stored)).isEmpty();
  }

  @Test
  void aProviderReportedCostIsNeverRepriced() {
    book.put(price("v1", 0, 1.0));
    ObservationPayload reported =
        ObservationPayload.newBuilder(generation("o1", 1000)).setProvidedCostUsd(0.5).build();
    StoredObservation stored = stored(live.enrich(PROJECT, "e", START, reported, 1));
    book.put(price("v2", START - 1, 10.0));

    assertThat(stored.cost().source()).isEqualTo(CostSource.PROVIDER);
    assertThat(new CostRecompute(book).reprice(PROJECT, stored)).isEmpty();
  }

  @Test
  void aRebuiltWindowHoldsWhatTheLiveAggregatesHoldForTheSameObservations() {
    book.put(price("v1", 0, 1.0));
    EnrichedObservation a = live.enrich(PROJECT, "e", START, generation("a", 1000), 1);
    EnrichedObservation b = live.enrich(PROJECT, "e", START + 5_000, generation("b", 3000), 1);
    // Live: one aggregate per observation, merged in arrival order (b first here).
    ObservationAggregate liveWindow =
        ObservationAggregates.merge(ObservationAggregates.of(b), ObservationAggregates.of(a));

    Map<String, ObservationAggregate> rebuilt =
        WindowRebuild.windows(PROJECT, List.of(stored(a), stored(b)));

    assertThat(rebuilt).hasSize(1);
    ObservationAggregate window = rebuilt.values().iterator().next();
    assertThat(window.getWindowStartMillis() % WindowRebuild.WINDOW_MILLIS).isZero();
    assertThat(window.getCount()).isEqualTo(2);
    byte[] liveProtobuf =
        LatencySketch.toProtobuf(ObservationAggregates.bytes(liveWindow.getLatencySketch()));
    assertThat(WindowRebuild.same(window, new StoredWindow(liveWindow, liveProtobuf))).isTrue();
    ObservationAggregate cheaper =
        ObservationAggregate.newBuilder(liveWindow).setCostUsd(0).build();
    assertThat(WindowRebuild.same(window, new StoredWindow(cheaper, liveProtobuf))).isFalse();
  }

  @Test
  void aRebuiltWindowOutranksEveryLiveVersionAndALaterRebuildOutranksAnEarlierOne() {
    long requested = START;
    // Live windows are versioned by their count, which stays below 2^32.
    assertThat(WindowRebuild.version(requested, 1)).isGreaterThan(0xFFFF_FFFFL);
    assertThat(WindowRebuild.version(requested + 1_000_000, 1))
        .isGreaterThan(WindowRebuild.version(requested, 1_000_000));
    assertThat(WindowRebuild.version(requested, 7)).isEqualTo(WindowRebuild.version(requested, 7));
  }

  private static StoredObservation stored(EnrichedObservation e) {
    return new StoredObservation(
        e.getObservation(),
        e.getObservation().getStartTimeMicros(),
        e.getLatencyMs(),
        new CostResult(e.getCost(), e.getCostSource(), e.getCostNote(), e.getPriceVersion()));
  }

  private static ObservationPayload generation(String id, long inputTokens) {
    return ObservationPayload.newBuilder()
        .setObservationId(id)
        .setTraceId("t1")
        .setName("answer")
        .setStartTimeMicros(START)
        .setEndTimeMicros(START + 1_500_000)
        .setModel("recompute-model")
        .setUsage(Usage.newBuilder().setInputTokens(inputTokens).setOutputTokens(500L).build())
        .build();
  }

  /** USD per million tokens: input at {@code usd}, output at twice that. */
  private static ModelPrice price(String id, long effectiveFromMicros, double usd) {
    return ModelPrice.newBuilder()
        .setPriceId(id)
        .setProjectId(PROJECT)
        .setModelPattern("recompute-model")
        .setEffectiveFromMicros(effectiveFromMicros)
        .setPrices(
            List.of(
                new UsagePrice("input", usd, List.of()),
                new UsagePrice("output", usd * 2, List.of())))
        .setUpdatedAtMicros(effectiveFromMicros)
        .build();
  }
}
