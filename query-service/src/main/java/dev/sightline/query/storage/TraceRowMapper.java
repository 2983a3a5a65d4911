package dev.sightline.query.storage;

import static dev.sightline.query.storage.ClickHouseJson.float64;
import static dev.sightline.query.storage.ClickHouseJson.int32;
import static dev.sightline.query.storage.ClickHouseJson.int64;
import static dev.sightline.query.storage.ClickHouseJson.micros;
import static dev.sightline.query.storage.ClickHouseJson.nested;
import static dev.sightline.query.storage.ClickHouseJson.rawText;
import static dev.sightline.query.storage.ClickHouseJson.strings;
import static dev.sightline.query.storage.ClickHouseJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.query.domain.trace.Cost;
import dev.sightline.query.domain.trace.Observation;
import dev.sightline.query.domain.trace.RetrievalDocument;
import dev.sightline.query.domain.trace.Score;
import dev.sightline.query.domain.trace.Trace;
import dev.sightline.query.domain.trace.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns rows of the traces, observations and scores tables into the API's trace tree. */
final class TraceRowMapper {

  private TraceRowMapper() {}

  /**
   * The trace; {@code traceRow} may be null when only observations arrived so far.
   *
   * @param observations rows of observations ordered by start time
   */
  static Trace trace(
      String projectId,
      String traceId,
      JsonNode traceRow,
      List<JsonNode> observations,
      List<JsonNode> scores) {
    List<Observation> obs = observations.stream().map(TraceRowMapper::observation).toList();
    Long firstStart = null;
    Long lastEnd = null;
    Double totalCost = null;
    for (JsonNode row : observations) {
      Long start = int64(row, "start_time_us");
      Long end = int64(row, "end_time_us");
      firstStart = min(firstStart, start);
      lastEnd = max(lastEnd, end != null ? end : start);
      Double cost = float64(row, "cost_total");
      if (cost != null) {
        totalCost = (totalCost == null ? 0 : totalCost) + cost;
      }
    }
    Double latencyMs =
        firstStart == null || lastEnd == null ? null : (lastEnd - firstStart) / 1000.0;
    boolean hasRow = traceRow != null;
    return new Trace(
        traceId,
        projectId,
        hasRow ? text(traceRow, "name") : null,
        hasRow ? text(traceRow, "user_id") : null,
        hasRow ? text(traceRow, "session_id") : null,
        hasRow ? strings(traceRow, "tags") : List.of(),
        hasRow ? text(traceRow, "environment") : null,
        hasRow ? text(traceRow, "release") : null,
        // Without a trace row the trace starts with its first observation.
        micros(hasRow ? int64(traceRow, "timestamp_us") : firstStart),
        hasRow ? rawText(traceRow, "input") : null,
        hasRow ? rawText(traceRow, "output") : null,
        hasRow ? nested(traceRow, "metadata") : Map.of(),
        totalCost,
        latencyMs,
        obs,
        scores.stream().map(TraceRowMapper::score).toList());
  }

  static Observation observation(JsonNode row) {
    Long start = int64(row, "start_time_us");
    Long end = int64(row, "end_time_us");
    return new Observation(
        text(row, "observation_id"),
        text(row, "parent_observation_id"),
        text(row, "type"),
        text(row, "name"),
        micros(start),
        micros(end),
        text(row, "model"),
        text(row, "provider"),
        nested(row, "model_parameters"),
        text(row, "prompt_name"),
        int32(row, "prompt_version"),
        usage(row),
        cost(row),
        latencyMs(row),
        float64(row, "time_to_first_token_ms"),
        text(row, "level"),
        text(row, "status_message"),
        rawText(row, "input"),
        rawText(row, "output"),
        nested(row, "attributes"),
        documents(row));
  }

  /** The usage columns of an observation row. */
  static Usage usage(JsonNode row) {
    return new Usage(
        int64(row, "usage_input"),
        int64(row, "usage_output"),
        int64(row, "usage_cache_read"),
        int64(row, "usage_cache_creation"),
        int64(row, "usage_total"));
  }

  /** The cost columns of an observation row. */
  static Cost cost(JsonNode row) {
    return new Cost(
        float64(row, "cost_input"),
        float64(row, "cost_output"),
        float64(row, "cost_total"),
        text(row, "cost_source"),
        text(row, "cost_note"));
  }

  /** The enriched latency, else end − start for rows enriched before it was computed. */
  static Double latencyMs(JsonNode row) {
    Double latency = float64(row, "latency_ms");
    Long start = int64(row, "start_time_us");
    Long end = int64(row, "end_time_us");
    return latency == null && start != null && end != null ? (end - start) / 1000.0 : latency;
  }

  static Score score(JsonNode row) {
    return new Score(
        text(row, "score_id"),
        text(row, "observation_id"),
        text(row, "name"),
        float64(row, "value"),
        text(row, "string_value"),
        text(row, "data_type"),
        text(row, "source"),
        text(row, "comment"),
        micros(int64(row, "timestamp_us")));
  }

  private static List<RetrievalDocument> documents(JsonNode row) {
    List<String> ids = strings(row, "retrieval_documents.id");
    List<String> contents = strings(row, "retrieval_documents.content");
    JsonNode scores = row.get("retrieval_documents.score");
    List<RetrievalDocument> out = new ArrayList<>();
    for (int i = 0; i < Math.min(ids.size(), contents.size()); i++) {
      Double score = scores != null && scores.has(i) ? scores.get(i).asDouble() : null;
      out.add(new RetrievalDocument(ids.get(i), contents.get(i), score));
    }
    return List.copyOf(out);
  }

  private static Long min(Long a, Long b) {
    return a == null ? b : b == null ? a : Math.min(a, b);
  }

  private static Long max(Long a, Long b) {
    return a == null ? b : b == null ? a : Math.max(a, b);
  }
}
