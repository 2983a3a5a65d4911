package dev.sightline.enrich.streams;

import static dev.sightline.enrich.TestEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sightline.enrich.TestEvents;
import dev.sightline.enrich.domain.PriceTable;
import dev.sightline.schemas.avro.CostSource;
import dev.sightline.schemas.avro.EnrichedObservation;
import dev.sightline.schemas.avro.ModelPrice;
import dev.sightline.schemas.avro.PriceTier;
import dev.sightline.schemas.avro.Usage;
import dev.sightline.schemas.avro.UsagePrice;
import dev.sightline.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Prices from the model-prices topic: versions, scopes, patterns and tiers. */
class PriceTopologyTest {

  private static final String PROJECT = "project-prices";

  private final TopologyHarness harness = new TopologyHarness(PriceTable.loadDefault());

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void theVersionEffectiveAtTheStartAppliesAndSwitchesExactlyAtItsBoundary() {
    harness.price(price("m-v1", null, "model-a", 0, 1.0));
    harness.price(price("m-v2", null, "model-a", T0, 2.0));

    EnrichedObservation before = priced(PROJECT, "model-a", T0 - 1, 1_000_000);
    EnrichedObservation at = priced(PROJECT, "model-a", T0, 1_000_000);

    assertThat(before.getCost().getInputUsd()).isCloseTo(1.0, within(1e-9));
    assertThat(before.getPriceVersion()).isEqualTo("m-v1");
    assertThat(at.getCost().getInputUsd()).isCloseTo(2.0, within(1e-9));
    assertThat(at.getPriceVersion()).isEqualTo("m-v2");
  }

  @Test
  void aProjectsOwnPriceBeatsTheGlobalOneEvenAsAPattern() {
    harness.price(price("global", null, "model-b", 0, 1.0));
    harness.price(price("own", PROJECT, "model-*", 0, 5.0));

    assertThat(priced(PROJECT, "model-b", T0, 1_000_000).getPriceVersion()).isEqualTo("own");
    assertThat(priced("other-project", "model-b", T0, 1_000_000).getPriceVersion())
        .isEqualTo("global");
  }

  @Test
  void anExactNameBeatsPatternsAndTheLongestPatternWins() {
    harness.price(price("short", null, "gpt-9*", 0, 1.0));
    harness.price(price("long", null, "gpt-9-mini*", 0, 2.0));
    harness.price(price("exact", null, "gpt-9-mini", 0, 3.0));

    assertThat(priced(PROJECT, "gpt-9-mini", T0, 1).getPriceVersion()).isEqualTo("exact");
    assertThat(priced(PROJECT, "GPT-9-mini-2026", T0, 1).getPriceVersion()).isEqualTo("long");
    assertThat(priced(PROJECT, "gpt-9-turbo", T0, 1).getPriceVersion()).isEqualTo("short");
  }

  @Test
  void aTierPricesAllTokensOfItsTypeOnceTheyExceedItsThreshold() {
    ModelPrice tiered = price("tiered", null, "long-context", 0, 1.0);
    tiered.getPrices().set(0, new UsagePrice("input", 1.0, List.of(new PriceTier(200_000L, 2.0))));
    harness.price(tiered);

    assertThat(priced(PROJECT, "long-context", T0, 200_000).getCost().getInputUsd())
        .isCloseTo(0.2, within(1e-12));
    assertThat(priced(PROJECT, "long-context", T0, 200_001).getCost().getInputUsd())
        .isCloseTo(0.400002, within(1e-12));
  }

  @Test
  void aPriceAddedAfterAnObservationWasPricedAppliesToTheNextOne() {
    harness.price(price("first", null, "model-g", 0, 1.0));
    assertThat(priced(PROJECT, "model-g", T0, 1_000_000).getPriceVersion()).isEqualTo("first");

    harness.price(price("exact-later", null, "model-g", T0 - 10, 2.0));

    assertThat(priced(PROJECT, "model-g", T0, 1_000_000).getPriceVersion())
        .isEqualTo("exact-later");
  }

  @Test
  void aDeletedVersionIsIgnored() {
    harness.price(price("old", null, "model-c", 0, 1.0));
    ModelPrice retracted = price("new", null, "model-c", T0 - 10, 2.0);
    harness.price(retracted);
    retracted.setDeleted(true);
    harness.price(retracted);

    assertThat(priced(PROJECT, "model-c", T0, 1_000_000).getPriceVersion()).isEqualTo("old");
  }

  @Test
  void anUnknownModelGetsNoCostAndANoteWhileTheBundledTableStillCovers() {
    harness.price(price("only", null, "model-d", 0, 1.0));

    EnrichedObservation unknown = priced(PROJECT, "nobody-knows-me", T0, 10);
    EnrichedObservation bundled = priced(PROJECT, "gpt-4.1", T0, 1_000_000);

    assertThat(unknown.getCost()).isNull();
    assertThat(unknown.getCostSource()).isEqualTo(CostSource.NONE);
    assertThat(unknown.getCostNote()).isEqualTo("unknown model: nobody-knows-me");
    assertThat(bundled.getPriceVersion()).isEqualTo(PriceTable.loadDefault().version());
    assertThat(bundled.getCost().getInputUsd()).isCloseTo(2.0, within(1e-9));
  }

  @Test
  void aProviderReportedCostWinsOverTheTopicsPrice() {
    harness.price(price("p", null, "model-e", 0, 1.0));
    harness.send(
        TestEvents.observation(
            PROJECT, TestEvents.generation("t", "model-e").setProvidedCostUsd(0.5).build()));

    EnrichedObservation e = harness.enriched.readValue();
    assertThat(e.getCostSource()).isEqualTo(CostSource.PROVIDER);
    assertThat(e.getCost().getTotalUsd()).isEqualTo(0.5);
  }

  @Test
  void anUndecodablePriceRecordIsSkippedAndLaterPricesStillArrive() {
    harness
        .driver
        .createInputTopic(
            Topics.MODEL_PRICES.name(),
            Serdes.String().serializer(),
            Serdes.ByteArray().serializer())
        .pipeInput("junk", "not avro".getBytes(StandardCharsets.UTF_8));
    harness.price(price("after-junk", null, "model-f", 0, 1.0));

    assertThat(priced(PROJECT, "model-f", T0, 1).getPriceVersion()).isEqualTo("after-junk");
  }

  private EnrichedObservation priced(String project, String model, long start, long inputTokens) {
    harness.send(
        TestEvents.observation(
            project,
            TestEvents.generation("t", model)
                .setStartTimeMicros(start)
                .setEndTimeMicros(start + 1000)
                .setCompletionStartTimeMicros(null)
                .setUsage(Usage.newBuilder().setInputTokens(inputTokens).build())
                .build()));
    return harness.enriched.readValue();
  }

  static ModelPrice price(String id, String project, String pattern, long from, double input) {
    return ModelPrice.newBuilder()
        .setPriceId(id)
        .setProjectId(project)
        .setModelPattern(pattern)
        .setEffectiveFromMicros(from)
        .setPrices(
            new java.util.ArrayList<>(
                List.of(
                    new UsagePrice("input", input, List.of()),
                    new UsagePrice("output", input * 4, List.of()))))
        .setUpdatedAtMicros(T0)
        .build();
  }
}
