package dev.sightline.query;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** JSONEachRow lines with the columns of the ClickHouse migration, for inserting test traces. */
record TraceRows(String projectId, long baseUs) {

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  String trace(String traceId) {
    return """
        {"project_id":"%s","trace_id":"%s","name":"chat","user_id":"u-1","session_id":"s-1",\
        "tags":["a","b"],"environment":"test","release":"","trace_version":"","input":"hi",\
        "output":"hello","metadata.key":["k"],"metadata.value":["v"],"event_date":"%s",\
        "timestamp":"%s","timestamp_us":%d,"event_id":"e-%s","received_at_us":%d,"version":1}"""
        .formatted(projectId, traceId, date(), dateTime(), baseUs, traceId, baseUs, baseUs);
  }

  String span(String traceId, String id) {
    return observation(
        traceId, id, null, "SPAN", "", baseUs, baseUs + 1_500_000, "null", "null", "null", "null");
  }

  String generation(String traceId, String id, String parentId) {
    return observation(
        traceId,
        id,
        parentId,
        "GENERATION",
        "gpt-4o",
        baseUs + 100_000,
        baseUs + 1_100_000,
        "100",
        "50",
        "0.00075",
        "1000");
  }

  String score(String traceId, String id, String observationId) {
    return """
        {"project_id":"%s","trace_id":"%s","observation_id":"%s","score_id":"%s",\
        "name":"helpfulness","value":0.9,"string_value":"","data_type":"NUMERIC","source":"EVAL",\
        "comment":"","event_date":"%s","timestamp":"%s","timestamp_us":%d,"event_id":"e-%s",\
        "received_at_us":%d,"version":1}"""
        .formatted(projectId, traceId, observationId, id, date(), dateTime(), baseUs, id, baseUs);
  }

  private String observation(
      String traceId,
      String id,
      String parentId,
      String type,
      String model,
      long startUs,
      long endUs,
      String inputTokens,
      String outputTokens,
      String costTotal,
      String latencyMs) {
    boolean priced = !"null".equals(costTotal);
    return """
        {"project_id":"%s","trace_id":"%s","observation_id":"%s","parent_observation_id":"%s",\
        "type":"%s","name":"%s","event_date":"%s","start_time":"%s","start_time_us":%d,\
        "end_time_us":%d,"completion_start_time_us":null,"model":"%s","provider":"openai",\
        "model_parameters.key":["temperature"],"model_parameters.value":["0.2"],\
        "prompt_name":"","prompt_version":null,"input":"q","output":"a","level":"DEFAULT",\
        "status_message":"","environment":"test","usage_input":%s,"usage_output":%s,\
        "usage_cache_read":null,"usage_cache_creation":null,"usage_total":%s,\
        "usage_details.key":[],"usage_details.value":[],"cost_input":null,"cost_output":null,\
        "cost_total":%s,"cost_source":"%s","cost_note":"","price_version":"",\
        "latency_ms":%s,"time_to_first_token_ms":null,"attributes.key":["http.route"],\
        "attributes.value":["/chat"],"retrieval_documents.id":[],\
        "retrieval_documents.content":[],"retrieval_documents.score":[],"event_id":"e-%s",\
        "received_at_us":%d,"version":1}"""
        .formatted(
            projectId,
            traceId,
            id,
            parentId == null ? "" : parentId,
            type,
            type.toLowerCase(),
            date(),
            dateTime(),
            startUs,
            endUs,
            model,
            inputTokens,
            outputTokens,
            priced ? "150" : "null",
            costTotal,
            priced ? "PRICE_TABLE" : "NONE",
            latencyMs,
            id,
            baseUs);
  }

  private String date() {
    return dateTime().substring(0, 10);
  }

  private String dateTime() {
    return LocalDateTime.ofInstant(Instant.ofEpochSecond(baseUs / 1_000_000), ZoneOffset.UTC)
        .format(DATE_TIME);
  }
}
