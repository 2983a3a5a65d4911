package dev.sightline.enrich.storage;

import static dev.sightline.enrich.storage.RowFields.text;

import dev.sightline.schemas.avro.TracePayload;
import dev.sightline.schemas.avro.TraceRecord;

/** Maps a trace record to a row of the {@code traces} table. */
final class TraceRows {

  static final String TABLE = "traces";

  private TraceRows() {}

  static TableRow of(TraceRecord r) {
    TracePayload t = r.getTrace();
    JsonRow row = new JsonRow();
    row.put("project_id", r.getProjectId());
    row.put("trace_id", t.getTraceId());
    row.put("name", text(t.getName()));
    row.put("user_id", text(t.getUserId()));
    row.put("session_id", text(t.getSessionId()));
    row.startArray("tags");
    t.getTags().forEach(row::add);
    row.endArray();
    row.put("environment", text(t.getEnvironment()));
    row.put("release", text(t.getRelease()));
    row.put("trace_version", text(t.getVersion()));
    row.put("input", text(t.getInput()));
    row.put("output", text(t.getOutput()));
    RowFields.nestedStrings(row, "metadata", t.getMetadata());
    row.put("event_date", RowFields.date(t.getTimestampMicros()));
    row.put("timestamp", RowFields.dateTime(t.getTimestampMicros()));
    row.put("timestamp_us", t.getTimestampMicros());
    row.put("event_id", r.getEventId());
    row.put("received_at_us", r.getReceivedAtMicros());
    // Arrival order decides which event of a trace is the latest until merging lands.
    row.put("version", r.getReceivedAtMicros());
    return row.finish(TABLE);
  }
}
