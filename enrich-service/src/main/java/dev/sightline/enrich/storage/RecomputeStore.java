package dev.sightline.enrich.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.clickhouse.ClickHouseClient;
import dev.sightline.clickhouse.Sql;
import dev.sightline.enrich.domain.LatencySketch;
import dev.sightline.enrich.domain.ObservationAggregates;
import dev.sightline.enrich.domain.StoredWindow;
import dev.sightline.enrich.domain.WindowRebuild;
import dev.sightline.schemas.avro.ObservationAggregate;
import dev.sightline.schemas.sketch.LatencyBins;
import dev.sightline.schemas.sketch.LatencySketches;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** The ClickHouse reads and writes of a cost recompute: observations, windows, the record. */
final class RecomputeStore {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ClickHouseClient clickHouse;

  RecomputeStore(ClickHouseClient clickHouse) {
    this.clickHouse = clickHouse;
  }

  /** The latest version of each of the project's observations starting in [from, to). */
  List<JsonNode> observations(String projectId, long fromMicros, long toMicros) {
    return clickHouse.rows(
        "SELECT * FROM observations FINAL WHERE project_id = "
            + Sql.quote(projectId)
            + days("event_date", fromMicros, toMicros)
            + " AND start_time_us >= "
            + Sql.number(fromMicros)
            + " AND start_time_us < "
            + Sql.number(toMicros));
  }

  /** The latest state of the project's windows starting in [from, to). */
  List<StoredWindow> windows(String projectId, long fromMicros, long toMicros) {
    List<StoredWindow> out = new ArrayList<>();
    for (JsonNode r :
        clickHouse.rows(
            "SELECT environment, name, model, prompt_name, prompt_version, count, errors,"
                + " input_tokens, output_tokens, cost_usd, latency_sketch, latency_bin_index,"
                + " latency_bin_count, latency_zero_count, toUInt32(window_start) AS start_s FROM observation_aggregates FINAL"
                + " WHERE project_id = "
                + Sql.quote(projectId)
                + days("window_date", fromMicros, toMicros)
                + " AND toUInt32(window_start) >= "
                + Sql.number(Math.floorDiv(fromMicros, 1_000_000L))
                + " AND toUInt32(window_start) < "
                + Sql.number(Math.floorDiv(toMicros, 1_000_000L)))) {
      long startMillis = r.get("start_s").asLong() * 1000;
      ObservationAggregate counters =
          ObservationAggregate.newBuilder()
              .setProjectId(projectId)
              .setEnvironment(r.get("environment").asText())
              .setName(r.get("name").asText())
              .setModel(r.get("model").asText())
              .setPromptName(r.get("prompt_name").asText())
              .setPromptVersion(r.get("prompt_version").asInt())
              .setWindowStartMillis(startMillis)
              .setWindowEndMillis(startMillis + 60_000L)
              .setCount(r.get("count").asLong())
              .setErrors(r.get("errors").asLong())
              .setInputTokens(r.get("input_tokens").asLong())
              .setOutputTokens(r.get("output_tokens").asLong())
              .setCostUsd(r.get("cost_usd").asDouble())
              .setLatencySketch(ByteBuffer.allocate(0))
              .build();
      out.add(new StoredWindow(counters, storedSketch(r)));
    }
    return out;
  }

  // The window's sketch in its protobuf form: from the bins, or from a row written before the bins
  // existed (migration 0004), which still carries the base64 protobuf.
  private static byte[] storedSketch(JsonNode r) {
    String legacy = r.get("latency_sketch").asText();
    if (!legacy.isEmpty()) {
      return Base64.getDecoder().decode(legacy);
    }
    JsonNode index = r.get("latency_bin_index");
    JsonNode count = r.get("latency_bin_count");
    int[] indexes = new int[index.size()];
    double[] counts = new double[count.size()];
    for (int i = 0; i < indexes.length; i++) {
      indexes[i] = index.get(i).asInt();
      counts[i] = count.get(i).asDouble();
    }
    return LatencySketches.toProtobuf(
        LatencySketches.fromBins(
            new LatencyBins(indexes, counts, r.get("latency_zero_count").asDouble())));
  }

  /** Inserts rows of one table (JSONEachRow objects with every column). */
  void insert(String table, List<? extends JsonNode> rows) {
    if (rows.isEmpty()) {
      return;
    }
    JsonEachRowBody body = new JsonEachRowBody();
    try {
      for (JsonNode row : rows) {
        body.add(JSON.writeValueAsBytes(row));
      }
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    clickHouse.insertJsonEachRow(table, body.chunks());
  }

  /** Inserts rebuilt windows (sketches in the compact encoding) with a recompute's version. */
  void insertWindows(List<ObservationAggregate> windows, long requestedAtMicros) {
    if (windows.isEmpty()) {
      return;
    }
    JsonEachRowBody body = new JsonEachRowBody();
    for (ObservationAggregate w : windows) {
      // Topics and ClickHouse carry the sketch's protobuf form, the stores the compact one.
      byte[] protobuf = LatencySketch.toProtobuf(ObservationAggregates.bytes(w.getLatencySketch()));
      ObservationAggregate stored =
          ObservationAggregate.newBuilder(w).setLatencySketch(ByteBuffer.wrap(protobuf)).build();
      body.add(
          AggregateRows.of(stored, WindowRebuild.version(requestedAtMicros, w.getCount())).json());
    }
    clickHouse.insertJsonEachRow(AggregateRows.TABLE, body.chunks());
  }

  /** The latest status of a recompute's record, or null when there is none yet. */
  String status(String projectId, String recomputeId) {
    List<JsonNode> rows =
        clickHouse.rows(
            "SELECT status FROM cost_recomputes FINAL WHERE project_id = "
                + Sql.quote(projectId)
                + " AND recompute_id = "
                + Sql.quote(recomputeId));
    return rows.isEmpty() ? null : rows.get(0).get("status").asText();
  }

  // Partition pruning: rows of [from, to) are in the days from from's to to's (both UTC).
  private static String days(String column, long fromMicros, long toMicros) {
    return " AND "
        + Sql.identifier(column)
        + " >= toDate("
        + Sql.quote(RowFields.date(fromMicros))
        + ") AND "
        + Sql.identifier(column)
        + " <= toDate("
        + Sql.quote(RowFields.date(toMicros))
        + ")";
  }
}
