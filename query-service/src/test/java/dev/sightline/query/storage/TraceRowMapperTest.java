package dev.sightline.query.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.query.domain.trace.Observation;
import dev.sightline.query.domain.trace.Trace;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceRowMapperTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  // As ClickHouse writes JSONEachRow: 64-bit integers quoted, Nested columns as parallel arrays.
  private static final String TRACE_ROW =
      """
      {"name":"chat","user_id":"u-1","session_id":"","tags":["a","b"],"environment":"prod",
       "release":"","input":"{\\"q\\":1}","output":"","metadata.key":["k1","k2"],
       "metadata.value":["v1","v2"],"timestamp_us":"1767225600000000"}
      """;
  private static final String SPAN_ROW =
      """
      {"observation_id":"span-1","parent_observation_id":"","type":"SPAN","name":"root",
       "start_time_us":"1767225600000000","end_time_us":"1767225601500000",
       "model":"","usage_input":null,"cost_total":null,"latency_ms":null,
       "model_parameters.key":[],"model_parameters.value":[],"attributes.key":[],
       "attributes.value":[],"retrieval_documents.id":["d1"],
       "retrieval_documents.content":["doc"],"retrieval_documents.score":[0.5]}
      """;
  private static final String GENERATION_ROW =
      """
      {"observation_id":"gen-1","parent_observation_id":"span-1","type":"GENERATION",
       "name":"llm","start_time_us":"1767225600100000","end_time_us":"1767225601100000",
       "model":"gpt-4o","provider":"openai","prompt_version":3,"usage_input":"100",
       "usage_output":"50","usage_total":"150","cost_input":0.00025,"cost_output":0.0005,
       "cost_total":0.00075,"cost_source":"PRICE_TABLE","cost_note":"","latency_ms":1000,
       "time_to_first_token_ms":200,"level":"DEFAULT","model_parameters.key":["temperature"],
       "model_parameters.value":["0.2"]}
      """;
  private static final String SCORE_ROW =
      """
      {"score_id":"s-1","observation_id":"gen-1","name":"helpfulness","value":0.9,
       "string_value":"","data_type":"NUMERIC","source":"EVAL","comment":"",
       "timestamp_us":"1767225602000000"}
      """;

  private static JsonNode row(String json) throws Exception {
    return JSON.readTree(json);
  }

  @Test
  void buildsTheTraceTreeWithTotalCostAndSpanLatency() throws Exception {
    Trace trace =
        TraceRowMapper.trace(
            "proj_a",
            "t-1",
            row(TRACE_ROW),
            List.of(row(SPAN_ROW), row(GENERATION_ROW)),
            List.of(row(SCORE_ROW)));

    assertThat(trace.id()).isEqualTo("t-1");
    assertThat(trace.projectId()).isEqualTo("proj_a");
    assertThat(trace.name()).isEqualTo("chat");
    assertThat(trace.sessionId()).as("empty strings read as absent").isNull();
    assertThat(trace.tags()).containsExactly("a", "b");
    assertThat(trace.metadata()).containsEntry("k1", "v1").containsEntry("k2", "v2");
    assertThat(trace.input()).isEqualTo("{\"q\":1}");
    assertThat(trace.timestamp()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(trace.latencyMs()).isEqualTo(1500.0);
    assertThat(trace.totalCostUsd()).isEqualTo(0.00075);
    assertThat(trace.observations()).extracting(Observation::id).containsExactly("span-1", "gen-1");
    assertThat(trace.scores()).singleElement().satisfies(s -> assertThat(s.value()).isEqualTo(0.9));
  }

  @Test
  void mapsAGenerationWithUsageCostAndTiming() throws Exception {
    Observation gen = TraceRowMapper.observation(row(GENERATION_ROW));

    assertThat(gen.parentId()).isEqualTo("span-1");
    assertThat(gen.model()).isEqualTo("gpt-4o");
    assertThat(gen.promptVersion()).isEqualTo(3);
    assertThat(gen.usage().input()).isEqualTo(100L);
    assertThat(gen.usage().total()).isEqualTo(150L);
    assertThat(gen.usage().cacheRead()).isNull();
    assertThat(gen.cost().total()).isEqualTo(0.00075);
    assertThat(gen.cost().source()).isEqualTo("PRICE_TABLE");
    assertThat(gen.cost().note()).isNull();
    assertThat(gen.latencyMs()).isEqualTo(1000.0);
    assertThat(gen.timeToFirstTokenMs()).isEqualTo(200.0);
    assertThat(gen.modelParameters()).containsEntry("temperature", "0.2");
    assertThat(gen.startTime()).isEqualTo(Instant.parse("2026-01-01T00:00:00.100Z"));
  }

  @Test
  void computesLatencyFromStartAndEndWhenEnrichmentLeftItEmpty() throws Exception {
    Observation span = TraceRowMapper.observation(row(SPAN_ROW));

    assertThat(span.parentId()).isNull();
    assertThat(span.latencyMs()).isEqualTo(1500.0);
    assertThat(span.retrievalDocuments())
        .singleElement()
        .satisfies(d -> assertThat(d.score()).isEqualTo(0.5));
  }

  @Test
  void returnsATraceKnownOnlyFromObservationsStartingAtItsFirstObservation() throws Exception {
    Trace trace =
        TraceRowMapper.trace("proj_a", "t-1", null, List.of(row(GENERATION_ROW)), List.of());

    assertThat(trace.name()).isNull();
    assertThat(trace.tags()).isEmpty();
    assertThat(trace.timestamp()).isEqualTo(Instant.parse("2026-01-01T00:00:00.100Z"));
    assertThat(trace.latencyMs()).isEqualTo(1000.0);
    assertThat(trace.observations()).hasSize(1);
  }

  @Test
  void leavesTotalCostEmptyWhenNoObservationHasACost() throws Exception {
    Trace trace =
        TraceRowMapper.trace("proj_a", "t-1", row(TRACE_ROW), List.of(row(SPAN_ROW)), List.of());

    assertThat(trace.totalCostUsd()).isNull();
  }
}
