package dev.sightline.enrich.storage;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.enrich.domain.ObservationAggregates;
import dev.sightline.schemas.avro.ObservationAggregate;
import java.util.Base64;

/** Maps a window's aggregate to a row of the {@code observation_aggregates} table. */
final class AggregateRows {

  static final String TABLE = "observation_aggregates";

  private AggregateRows() {}

  static TableRow of(ObservationAggregate a) {
    // Each observation is counted once, so the count grows with every update of the window.
    return of(a, a.getCount());
  }

  /** The row with an explicit version (a recompute's rebuilt window must beat the live one). */
  static TableRow of(ObservationAggregate a, long version) {
    long startMicros = a.getWindowStartMillis() * 1000;
    ObjectNode row = JsonNodeFactory.instance.objectNode();
    row.put("project_id", a.getProjectId());
    row.put("window_date", RowFields.date(startMicros));
    row.put("window_start", RowFields.dateTime(startMicros));
    row.put("window_end", RowFields.dateTime(a.getWindowEndMillis() * 1000));
    row.put("environment", a.getEnvironment());
    row.put("name", a.getName());
    row.put("model", a.getModel());
    row.put("prompt_name", a.getPromptName());
    row.put("prompt_version", a.getPromptVersion());
    row.put("count", a.getCount());
    row.put("errors", a.getErrors());
    row.put("input_tokens", a.getInputTokens());
    row.put("output_tokens", a.getOutputTokens());
    row.put("cost_usd", a.getCostUsd());
    // JSON text cannot carry raw bytes: base64 of the DDSketch protobuf.
    row.put(
        "latency_sketch",
        Base64.getEncoder().encodeToString(ObservationAggregates.bytes(a.getLatencySketch())));
    row.put("version", version);
    return new TableRow(TABLE, row);
  }
}
