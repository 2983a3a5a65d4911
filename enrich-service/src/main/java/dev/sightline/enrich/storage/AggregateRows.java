package dev.sightline.enrich.storage;

import dev.sightline.enrich.domain.ObservationAggregates;
import dev.sightline.schemas.avro.ObservationAggregate;
import dev.sightline.schemas.sketch.LatencyBins;
import dev.sightline.schemas.sketch.LatencySketches;

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
    JsonRow row = new JsonRow();
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
    // The sketch as bins that ClickHouse sums by index (sumMap), so readers merge any range of
    // windows inside the database; latency_sketch stays empty (it marks rows written before 0004).
    LatencyBins bins =
        LatencySketches.bins(
            LatencySketches.fromProtobuf(ObservationAggregates.bytes(a.getLatencySketch())));
    row.put("latency_sketch", "");
    row.startArray("latency_bin_index");
    for (int index : bins.indexes()) {
      row.add(index);
    }
    row.endArray().startArray("latency_bin_count");
    for (double count : bins.counts()) {
      row.add(count);
    }
    row.endArray();
    row.put("latency_zero_count", bins.zeroCount());
    row.put("version", version);
    return row.finish(TABLE);
  }
}
