package dev.sightline.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.clickhouse.ClickHouseClient;
import dev.sightline.clickhouse.Sql;
import dev.sightline.enrich.config.EnrichConfig;
import dev.sightline.enrich.domain.ObservationAggregates;
import dev.sightline.enrich.domain.ObservationEnricher;
import dev.sightline.enrich.domain.PriceBook;
import dev.sightline.enrich.domain.PriceTable;
import dev.sightline.enrich.storage.LiveRows;
import dev.sightline.schemas.avro.CostRecomputeRequest;
import dev.sightline.schemas.avro.EnrichedObservation;
import dev.sightline.schemas.avro.ModelPrice;
import dev.sightline.schemas.avro.ObservationAggregate;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.avro.UsagePrice;
import dev.sightline.schemas.topics.Topic;
import dev.sightline.schemas.topics.Topics;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A cost recompute end to end against the real broker and ClickHouse: rows stored at an old price,
 * a corrected price on the prices topic, a recompute request on its topic, the stored result.
 */
@QuarkusTest
class RecomputeTest {

  private static final long MINUTE = 60_000_000L;

  @Inject EnrichConfig config;
  @Inject ClickHouseClient clickHouse;

  @Test
  void aRecomputeRepricesTheRangeAndItsWindowsAndNothingElseAndARerunChangesNothing()
      throws Exception {
    String project = "p-" + UUID.randomUUID();
    String other = "p-" + UUID.randomUUID();
    String model = "recompute-" + UUID.randomUUID();
    long now = System.currentTimeMillis() * 1000;
    long inRange = (now / MINUTE - 10) * MINUTE;
    long outside = inRange - 3 * MINUTE;
    // Stored at the old price, by the live path's own code (enricher, aggregates, sink rows):
    // a fresh Streams app would first have to work through the shared broker's backlog.
    PriceBook oldPrices = new PriceBook(PriceTable.loadDefault());
    oldPrices.put(price("v1-" + project, project, model, 0, 1.0, now));
    oldPrices.put(price("v1-" + other, other, model, 0, 1.0, now));
    ObservationEnricher live = new ObservationEnricher(oldPrices, Clock.systemUTC());
    EnrichedObservation priced =
        live.enrich(project, "e1", now, generation(model, inRange + 1_000_000, null), now);
    EnrichedObservation reported =
        live.enrich(project, "e2", now, generation(model, inRange + 2_000_000, 0.5), now);
    EnrichedObservation before =
        live.enrich(project, "e3", now, generation(model, outside, null), now);
    EnrichedObservation otherProject =
        live.enrich(other, "e4", now, generation(model, inRange, null), now);
    LiveRows.observations(clickHouse, List.of(priced, reported, before, otherProject));
    LiveRows.window(clickHouse, liveWindow(inRange, priced, reported));
    LiveRows.window(clickHouse, liveWindow(outside, before));
    LiveRows.window(clickHouse, liveWindow(inRange, otherProject));
    assertThat(cost(project, priced)).isCloseTo(0.002, within(1e-12));
    JsonNode windowBefore = window(project, inRange);
    JsonNode outsideBefore = window(project, outside);
    JsonNode otherBefore = window(other, inRange);

    // The corrected price: ten times the old one, effective since before the observations.
    ModelPrice v2 = price("v2-" + project, project, model, inRange - 60 * MINUTE, 10.0, now + 1);
    send(Topics.MODEL_PRICES, v2.getPriceId(), v2);
    CostRecomputeRequest first = request(project, inRange, inRange + MINUTE, v2);
    send(Topics.COST_RECOMPUTES, project, first);
    JsonNode record = awaitRecord(project, first.getRecomputeId());

    assertThat(record.get("observations_scanned").asLong()).isEqualTo(2);
    assertThat(record.get("observations_changed").asLong()).isEqualTo(1);
    assertThat(record.get("windows_changed").asLong()).isEqualTo(1);
    assertThat(record.get("price_versions_before").get(0).asText()).isEqualTo("v1-" + project);
    assertThat(record.get("price_versions_after").get(0).asText()).isEqualTo(v2.getPriceId());
    assertThat(cost(project, priced)).isCloseTo(0.02, within(1e-12));
    assertThat(row(project, priced).get("price_version").asText()).isEqualTo(v2.getPriceId());
    assertThat(row(project, priced).get("input").asText())
        .isEqualTo(priced.getObservation().getInput());
    assertThat(cost(project, reported)).isEqualTo(0.5);
    assertThat(row(project, reported).get("cost_source").asText()).isEqualTo("PROVIDER");
    assertThat(cost(project, before)).isCloseTo(0.002, within(1e-12));
    assertThat(cost(other, otherProject)).isCloseTo(0.002, within(1e-12));
    JsonNode windowAfter = window(project, inRange);
    JsonNode versionAfterFirst = row(project, priced).get("version");
    assertThat(windowAfter.get("cost_usd").asDouble()).isCloseTo(0.52, within(1e-12));
    assertThat(windowAfter.get("count").asLong()).isEqualTo(2);
    assertThat(windowAfter.get("input_tokens")).isEqualTo(windowBefore.get("input_tokens"));
    // Same latencies, same sketch: every quantile read from it is unchanged.
    assertThat(windowAfter.get("latency_bin_index"))
        .isEqualTo(windowBefore.get("latency_bin_index"));
    assertThat(windowAfter.get("latency_bin_count"))
        .isEqualTo(windowBefore.get("latency_bin_count"));
    assertThat(windowBefore.get("latency_bin_count")).isNotEmpty();
    assertThat(window(project, outside)).isEqualTo(outsideBefore);
    assertThat(window(other, inRange)).isEqualTo(otherBefore);

    // A redelivery of the first request and a second request for the same range.
    CostRecomputeRequest again = request(project, inRange, inRange + MINUTE, v2);
    send(Topics.COST_RECOMPUTES, project, first, again);
    JsonNode rerun = awaitRecord(project, again.getRecomputeId());
    assertThat(rerun.get("observations_scanned").asLong()).isEqualTo(2);
    assertThat(rerun.get("observations_changed").asLong()).isZero();
    assertThat(rerun.get("windows_changed").asLong()).isZero();
    assertThat(awaitRecord(project, first.getRecomputeId())).isEqualTo(record);
    assertThat(window(project, inRange)).isEqualTo(windowAfter);
    assertThat(row(project, priced).get("version")).isEqualTo(versionAfterFirst);
  }

  private static ObservationAggregate liveWindow(long start, EnrichedObservation... rows) {
    ObservationAggregate window = null;
    for (EnrichedObservation e : rows) {
      ObservationAggregate one = ObservationAggregates.of(e);
      window = window == null ? one : ObservationAggregates.merge(window, one);
    }
    return ObservationAggregate.newBuilder(window)
        .setWindowStartMillis(start / 1000)
        .setWindowEndMillis(start / 1000 + 60_000)
        .build();
  }

  private JsonNode awaitRecord(String project, String recomputeId) {
    String sql =
        "SELECT * FROM cost_recomputes FINAL WHERE project_id = "
            + Sql.quote(project)
            + " AND recompute_id = "
            + Sql.quote(recomputeId);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(clickHouse.rows(sql))
                    .singleElement()
                    .satisfies(r -> assertThat(r.get("status").asText()).isEqualTo("done")));
    return clickHouse.rows(sql).get(0);
  }

  private double cost(String project, EnrichedObservation o) {
    return row(project, o).get("cost_total").asDouble();
  }

  private JsonNode row(String project, EnrichedObservation o) {
    Map<String, JsonNode> byId =
        rows("observations", project).stream()
            .collect(Collectors.toMap(r -> r.get("observation_id").asText(), Function.identity()));
    assertThat(byId).containsKey(o.getObservation().getObservationId());
    return byId.get(o.getObservation().getObservationId());
  }

  private JsonNode window(String project, long startMicros) {
    List<JsonNode> windows =
        clickHouse.rows(
            "SELECT * FROM observation_aggregates FINAL WHERE project_id = "
                + Sql.quote(project)
                + " AND toUInt32(window_start) = "
                + Sql.number(startMicros / 1_000_000));
    assertThat(windows).hasSize(1);
    return windows.get(0);
  }

  private List<JsonNode> rows(String table, String project) {
    return clickHouse.rows(
        "SELECT * FROM "
            + Sql.identifier(table)
            + " FINAL WHERE project_id = "
            + Sql.quote(project));
  }

  private static CostRecomputeRequest request(String project, long from, long to, ModelPrice p) {
    return new CostRecomputeRequest(
        "rcp_" + UUID.randomUUID(),
        project,
        from,
        to,
        System.currentTimeMillis() * 1000,
        p.getUpdatedAtMicros());
  }

  private static ObservationPayload generation(String model, long start, Double providedCost) {
    return TestEvents.generation("t-" + UUID.randomUUID(), model)
        .setStartTimeMicros(start)
        .setCompletionStartTimeMicros(start + 200_000)
        .setEndTimeMicros(start + 1_500_000)
        .setInput("{\"q\":\"kept as it was\"}")
        .setProvidedCostUsd(providedCost)
        .build();
  }

  /** Input at {@code usd} per million tokens, output at twice that. */
  private static ModelPrice price(
      String id, String project, String model, long from, double usd, long updatedAt) {
    return ModelPrice.newBuilder()
        .setPriceId(id)
        .setProjectId(project)
        .setModelPattern(model)
        .setEffectiveFromMicros(from)
        .setPrices(
            List.of(
                new UsagePrice("input", usd, List.of()),
                new UsagePrice("output", usd * 2, List.of())))
        .setUpdatedAtMicros(updatedAt)
        .build();
  }

  @SafeVarargs
  private <V> void send(Topic<String, V> topic, String key, V... values) {
    TestRecords.send(config.kafka().bootstrapServers(), topic, key, values);
  }
}
