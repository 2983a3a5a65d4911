package dev.sightline.enrich.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.enrich.TestEvents;
import dev.sightline.enrich.domain.LatencySketch;
import dev.sightline.enrich.domain.ObservationAggregates;
import dev.sightline.enrich.domain.ObservationEnricher;
import dev.sightline.enrich.domain.PriceTable;
import dev.sightline.schemas.avro.EnrichedObservation;
import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.avro.ObservationAggregate;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.avro.ScorePayload;
import dev.sightline.schemas.avro.ScoreRecord;
import dev.sightline.schemas.avro.TracePayload;
import dev.sightline.schemas.avro.TraceRecord;
import dev.sightline.schemas.sketch.LatencyBins;
import dev.sightline.schemas.sketch.LatencySketches;
import dev.sightline.schemas.topics.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class StorageRowsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void anObservationRowHasExactlyTheColumnsOfTheObservationsTable() {
    ObservationPayload generation = TestEvents.generation("t1", "gpt-4.1-nano").build();
    EnrichedObservation enriched =
        new ObservationEnricher(PriceTable.loadDefault(), CLOCK)
            .enrich(TestEvents.observation("p1", generation), generation);

    TableRow row =
        mapped(
            Topics.ENRICHED_OBSERVATIONS.name(),
            Topics.ENRICHED_OBSERVATIONS.valueSerde().serializer().serialize("t", enriched));

    assertThat(row.table()).isEqualTo("observations");
    assertThat(columns(tree(row))).isEqualTo(tableColumns("observations"));
    JsonNode r = tree(row);
    assertThat(r.get("start_time").asText()).isEqualTo("2026-11-29 10:00:00");
    assertThat(r.get("event_date").asText()).isEqualTo("2026-11-29");
    assertThat(r.get("latency_ms").asDouble()).isEqualTo(1500.0);
    assertThat(r.get("cost_total").asDouble()).isGreaterThan(0);
    assertThat(r.get("cost_source").asText()).isEqualTo("PRICE_TABLE");
    assertThat(r.get("usage_cache_read").isNull()).isTrue();
    assertThat(r.get("parent_observation_id").asText()).isEmpty();
    assertThat(r.get("model_parameters.key").get(0).asText()).isEqualTo("temperature");
    assertThat(r.get("model_parameters.value").get(0).asText()).isEqualTo("0.2");
    assertThat(r.get("version").asLong()).isEqualTo(enriched.getEnrichedAtMicros());
  }

  @Test
  void traceAndScoreRowsHaveExactlyTheColumnsOfTheirTables() {
    IngestEvent trace = TestEvents.trace("p1", "t1");
    TraceRecord traceRecord =
        new TraceRecord(
            "p1",
            trace.getEventId(),
            trace.getReceivedAtMicros(),
            (TracePayload) trace.getPayload());
    IngestEvent score = TestEvents.score("p1", "t1");
    ScoreRecord scoreRecord =
        new ScoreRecord(
            "p1",
            score.getEventId(),
            score.getReceivedAtMicros(),
            (ScorePayload) score.getPayload());

    TableRow traceRow =
        mapped(
            Topics.TRACES.name(),
            Topics.TRACES.valueSerde().serializer().serialize("t", traceRecord));
    TableRow scoreRow =
        mapped(
            Topics.SCORES.name(),
            Topics.SCORES.valueSerde().serializer().serialize("t", scoreRecord));

    ObjectNode traces = tree(traceRow);
    ObjectNode scores = tree(scoreRow);
    assertThat(columns(traces)).isEqualTo(tableColumns("traces"));
    assertThat(traces.get("tags")).hasSize(2);
    assertThat(traces.get("metadata.key").get(0).asText()).isEqualTo("region");
    assertThat(traces.get("version").asLong()).isEqualTo(trace.getReceivedAtMicros());
    assertThat(columns(scores)).isEqualTo(tableColumns("scores"));
    assertThat(scores.get("value").asDouble()).isEqualTo(0.9);
    assertThat(scores.get("observation_id").asText()).isEmpty();
  }

  @Test
  void anAggregateRowHasExactlyTheColumnsOfTheAggregatesTableAndItsCountAsVersion() {
    ObservationPayload generation = TestEvents.generation("t1", "gpt-4.1").build();
    ObservationAggregate single =
        ObservationAggregates.of(
            new ObservationEnricher(PriceTable.loadDefault(), CLOCK)
                .enrich(TestEvents.observation("p1", generation), generation));
    ObservationAggregate merged = ObservationAggregates.merge(single, single);
    // As the topology publishes it: the sketch in its protobuf form.
    ObservationAggregate window =
        ObservationAggregate.newBuilder(merged)
            .setWindowStartMillis(TestEvents.T0 / 1000)
            .setWindowEndMillis(TestEvents.T0 / 1000 + 60_000)
            .setLatencySketch(
                ByteBuffer.wrap(
                    LatencySketch.toProtobuf(
                        ObservationAggregates.bytes(merged.getLatencySketch()))))
            .build();

    TableRow row =
        mapped(
            Topics.OBSERVATION_AGGREGATES.name(),
            Topics.OBSERVATION_AGGREGATES.valueSerde().serializer().serialize("t", window));

    assertThat(row.table()).isEqualTo("observation_aggregates");
    ObjectNode r = tree(row);
    Set<String> expected =
        new TreeSet<>(
            tableColumns("0002_create_observation_aggregates.sql", "observation_aggregates"));
    // Added by 0004 (ALTER TABLE, so not in a CREATE statement).
    expected.addAll(List.of("latency_bin_index", "latency_bin_count", "latency_zero_count"));
    assertThat(columns(r)).isEqualTo(expected);
    assertThat(r.get("window_start").asText()).isEqualTo("2026-11-29 10:00:00");
    assertThat(r.get("window_date").asText()).isEqualTo("2026-11-29");
    assertThat(r.get("count").asLong()).isEqualTo(2);
    assertThat(r.get("version").asLong()).isEqualTo(2);
    // The published sketch, as bins ClickHouse can sum; the legacy base64 column stays empty.
    LatencyBins published =
        LatencySketches.bins(
            LatencySketches.fromProtobuf(ObservationAggregates.bytes(window.getLatencySketch())));
    assertThat(r.get("latency_sketch").asText()).isEmpty();
    assertThat(r.get("latency_bin_index").size()).isEqualTo(published.indexes().length);
    for (int i = 0; i < published.indexes().length; i++) {
      assertThat(r.get("latency_bin_index").get(i).asInt()).isEqualTo(published.indexes()[i]);
      assertThat(r.get("latency_bin_count").get(i).asDouble()).isEqualTo(published.counts()[i]);
    }
    assertThat(published.counts()).containsExactly(2.0);
  }

  @Test
  void anUndecodableValueIsRejectedWithASerializationError() {
    assertThatThrownBy(
            () -> StorageRows.of(Topics.TRACES.name(), "junk".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SerializationException.class);
  }

  private static TableRow mapped(String topic, byte[] value) {
    return StorageRows.of(topic, value);
  }

  /** The row's bytes parsed back, so the assertions check what the sink sends. */
  private static ObjectNode tree(TableRow row) {
    try {
      return (ObjectNode) JSON.readTree(row.json());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> columns(ObjectNode row) {
    Set<String> names = new TreeSet<>();
    row.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Set<String> tableColumns(String table) {
    return tableColumns("0001_create_core_tables.sql", table);
  }

  /** Column names of a table as the migration declares them, Nested ones as key.sub. */
  private static Set<String> tableColumns(String migration, String table) {
    String sql = migration(migration);
    int start = sql.indexOf("CREATE TABLE IF NOT EXISTS " + table + " (");
    String body = sql.substring(sql.indexOf('(', start) + 1, sql.indexOf(") ENGINE", start));
    Set<String> names = new TreeSet<>();
    for (String line : body.split("\n")) {
      String column = line.strip();
      if (column.isEmpty()) {
        continue;
      }
      String name = column.substring(0, column.indexOf(' '));
      if (column.contains("Nested(")) {
        String inner = column.substring(column.indexOf("Nested(") + 7, column.lastIndexOf(')'));
        for (String part : inner.split(",")) {
          names.add(name + "." + part.strip().split(" ")[0]);
        }
      } else {
        names.add(name);
      }
    }
    return names;
  }

  private static String migration(String name) {
    try (InputStream in =
        StorageRowsTest.class.getResourceAsStream("/clickhouse/migrations/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
