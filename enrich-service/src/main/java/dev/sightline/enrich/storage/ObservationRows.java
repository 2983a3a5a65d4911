package dev.sightline.enrich.storage;

import static dev.sightline.enrich.storage.RowFields.text;

import dev.sightline.schemas.avro.CostBreakdown;
import dev.sightline.schemas.avro.EnrichedObservation;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.avro.RetrievalDocument;
import dev.sightline.schemas.avro.Usage;

/** Maps an enriched observation to a row of the {@code observations} table. */
final class ObservationRows {

  static final String TABLE = "observations";

  private ObservationRows() {}

  static TableRow of(EnrichedObservation e) {
    ObservationPayload o = e.getObservation();
    // An update may lack a start; the arrival time keeps the row in a sensible partition.
    long start = o.getStartTimeMicros() != null ? o.getStartTimeMicros() : e.getReceivedAtMicros();
    JsonRow row = new JsonRow();
    row.put("project_id", e.getProjectId());
    row.put("trace_id", o.getTraceId());
    row.put("observation_id", o.getObservationId());
    row.put("parent_observation_id", text(o.getParentObservationId()));
    row.put("type", o.getType().name());
    row.put("name", text(o.getName()));
    row.put("event_date", RowFields.date(start));
    row.put("start_time", RowFields.dateTime(start));
    row.put("start_time_us", start);
    row.put("end_time_us", o.getEndTimeMicros());
    row.put("completion_start_time_us", o.getCompletionStartTimeMicros());
    row.put("model", text(o.getModel()));
    row.put("provider", text(o.getProvider()));
    RowFields.nestedStrings(row, "model_parameters", o.getModelParameters());
    row.put("prompt_name", text(o.getPromptName()));
    row.put("prompt_version", o.getPromptVersion());
    row.put("input", text(o.getInput()));
    row.put("output", text(o.getOutput()));
    row.put("level", o.getLevel().name());
    row.put("status_message", text(o.getStatusMessage()));
    row.put("environment", text(o.getEnvironment()));
    usage(row, o.getUsage());
    cost(row, e.getCost());
    row.put("cost_source", e.getCostSource().name());
    row.put("cost_note", text(e.getCostNote()));
    row.put("price_version", text(e.getPriceVersion()));
    row.put("latency_ms", e.getLatencyMs());
    row.put("time_to_first_token_ms", e.getTimeToFirstTokenMs());
    RowFields.nestedStrings(row, "attributes", o.getAttributes());
    documents(row, o);
    row.put("event_id", e.getEventId());
    row.put("received_at_us", e.getReceivedAtMicros());
    row.put("version", e.getEnrichedAtMicros());
    return row.finish(TABLE);
  }

  private static void usage(JsonRow row, Usage u) {
    row.put("usage_input", u == null ? null : u.getInputTokens());
    row.put("usage_output", u == null ? null : u.getOutputTokens());
    row.put("usage_cache_read", u == null ? null : u.getCacheReadTokens());
    row.put("usage_cache_creation", u == null ? null : u.getCacheCreationTokens());
    row.put("usage_total", u == null ? null : u.getTotalTokens());
    RowFields.nestedLongs(row, "usage_details", u == null ? null : u.getDetails());
  }

  private static void cost(JsonRow row, CostBreakdown c) {
    row.put("cost_input", c == null ? null : c.getInputUsd());
    row.put("cost_output", c == null ? null : c.getOutputUsd());
    row.put("cost_cache_read", c == null ? null : c.getCacheReadUsd());
    row.put("cost_cache_creation", c == null ? null : c.getCacheCreationUsd());
    row.put("cost_total", c == null ? null : c.getTotalUsd());
  }

  private static void documents(JsonRow row, ObservationPayload o) {
    // A streamed row writes one array after the other, so the documents are walked per column.
    row.startArray("retrieval_documents.id");
    for (RetrievalDocument d : o.getRetrievalDocuments()) {
      row.add(text(d.getId()));
    }
    row.endArray().startArray("retrieval_documents.content");
    for (RetrievalDocument d : o.getRetrievalDocuments()) {
      row.add(text(d.getContent()));
    }
    row.endArray().startArray("retrieval_documents.score");
    for (RetrievalDocument d : o.getRetrievalDocuments()) {
      row.add(d.getScore() == null ? 0.0 : d.getScore());
    }
    row.endArray();
  }
}
