package dev.sightline.enrich;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.clickhouse.ClickHouseClient;
import dev.sightline.clickhouse.Sql;
import dev.sightline.enrich.config.EnrichConfig;
import dev.sightline.enrich.domain.ObservationEnricher;
import dev.sightline.enrich.domain.PriceTable;
import dev.sightline.schemas.avro.EnrichedObservation;
import dev.sightline.schemas.avro.ModelPrice;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.avro.UsagePrice;
import dev.sightline.schemas.topics.Topic;
import dev.sightline.schemas.topics.Topics;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The service against the real broker and ClickHouse: ingest events in, rows out. */
@QuarkusTest
class EnrichServiceTest {

  @Inject EnrichConfig config;
  @Inject ClickHouseClient clickHouse;

  @Test
  void aTraceWithAGenerationAndAScoreReachesClickHouseWithLatencyAndCost() {
    String project = "p-" + UUID.randomUUID();
    String traceId = "t-" + UUID.randomUUID();
    ObservationPayload generation = TestEvents.generation(traceId, "gpt-4.1").build();
    String key = Topics.traceKey(project, traceId);

    send(
        Topics.INGEST_EVENTS,
        key,
        TestEvents.trace(project, traceId),
        TestEvents.observation(project, generation),
        TestEvents.score(project, traceId));

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              assertThat(rows("traces", project)).hasSize(1);
              assertThat(rows("scores", project)).hasSize(1);
              assertThat(rows("observations", project)).hasSize(1);
            });
    JsonNode observation = rows("observations", project).get(0);
    assertThat(observation.get("observation_id").asText()).isEqualTo(generation.getObservationId());
    assertThat(observation.get("latency_ms").asDouble()).isEqualTo(1500.0);
    // 1000 input tokens x $2/MTok + 500 output tokens x $8/MTok (default table, gpt-4.1)
    assertThat(observation.get("cost_total").asDouble()).isCloseTo(0.006, within(1e-9));
    assertThat(observation.get("cost_source").asText()).isEqualTo("PRICE_TABLE");
    // The bundled table, or query-service's seeded copy of it when the shared broker's prices
    // topic already holds it (same prices either way).
    assertThat(observation.get("price_version").asText())
        .isIn("2026-11-29", "default:gpt-4.1:2026-11-29");
    assertThat(rows("traces", project).get(0).get("name").asText()).isEqualTo("checkout-assistant");
    // The completed generation is counted once in its 1-minute window.
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() -> assertThat(rows("observation_aggregates", project)).hasSize(1));
    JsonNode window = rows("observation_aggregates", project).get(0);
    assertThat(window.get("model").asText()).isEqualTo("gpt-4.1");
    assertThat(window.get("count").asLong()).isEqualTo(1);
    assertThat(window.get("input_tokens").asLong()).isEqualTo(1000);
    assertThat(window.get("cost_usd").asDouble()).isCloseTo(0.006, within(1e-9));
    // One latency (1.5 s) in one bin of the sketch.
    assertThat(window.get("latency_bin_count").get(0).asDouble()).isEqualTo(1.0);
  }

  @Test
  void theSameEnrichedRecordDeliveredTwiceLeavesOneVisibleRow() {
    String project = "p-" + UUID.randomUUID();
    String traceId = "t-" + UUID.randomUUID();
    ObservationEnricher enricher =
        new ObservationEnricher(PriceTable.loadDefault(), Clock.systemUTC());
    ObservationPayload duplicated = TestEvents.generation(traceId, "gpt-4.1").build();
    ObservationPayload marker = TestEvents.generation(traceId, "gpt-4.1").build();
    EnrichedObservation twice =
        enricher.enrich(TestEvents.observation(project, duplicated), duplicated);
    // Same key, so same partition: once the marker is stored, both copies are too.
    send(
        Topics.ENRICHED_OBSERVATIONS,
        Topics.traceKey(project, traceId),
        twice,
        twice,
        enricher.enrich(TestEvents.observation(project, marker), marker));

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() -> assertThat(rows("observations", project)).hasSize(2));
    assertThat(rows("observations", project))
        .extracting(r -> r.get("observation_id").asText())
        .containsExactlyInAnyOrder(duplicated.getObservationId(), marker.getObservationId());
  }

  @Test
  void aProjectPricePublishedOnTheModelPricesTopicPricesLaterObservations() {
    String project = "p-" + UUID.randomUUID();
    String traceId = "t-" + UUID.randomUUID();
    String priceId = "price-" + UUID.randomUUID();
    ModelPrice price =
        ModelPrice.newBuilder()
            .setPriceId(priceId)
            .setProjectId(project)
            .setModelPattern("gpt-4.1*")
            .setEffectiveFromMicros(0L)
            .setPrices(List.of(new UsagePrice("input", 100.0, List.of())))
            .setUpdatedAtMicros(TestEvents.T0)
            .build();
    send(Topics.MODEL_PRICES, priceId, price);

    // The global store catches up asynchronously: send observations until one is priced by it.
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              send(
                  Topics.INGEST_EVENTS,
                  Topics.traceKey(project, traceId),
                  TestEvents.observation(
                      project, TestEvents.generation(traceId, "gpt-4.1-2025").build()));
              assertThat(rows("observations", project))
                  .extracting(r -> r.get("price_version").asText())
                  .contains(priceId);
            });
    JsonNode priced =
        rows("observations", project).stream()
            .filter(r -> r.get("price_version").asText().equals(priceId))
            .findFirst()
            .orElseThrow();
    // 1000 input tokens x $100/MTok; the price has no output entry, so output stays unpriced.
    assertThat(priced.get("cost_input").asDouble()).isCloseTo(0.1, within(1e-9));
    assertThat(priced.get("cost_note").asText()).isEqualTo("no price for usage type: output");
  }

  @Test
  void isReadyOnceStreamsRunAndClickHouseAnswers() {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .when()
                    .get("/q/health/ready")
                    .then()
                    .statusCode(200)
                    .body(containsString("clickhouse"), containsString("kafka-streams-state")));
    given()
        .when()
        .get("/q/health/live")
        .then()
        .statusCode(200)
        .body(containsString("enrich-merge"), containsString("lateEvents"));
  }

  private List<JsonNode> rows(String table, String project) {
    return clickHouse.rows(
        "SELECT * FROM "
            + Sql.identifier(table)
            + " FINAL WHERE project_id = "
            + Sql.quote(project));
  }

  @SafeVarargs
  private <V> void send(Topic<String, V> topic, String key, V... values) {
    TestRecords.send(config.kafka().bootstrapServers(), topic, key, values);
  }
}
