package dev.sightline.enrich.storage;

import static dev.sightline.enrich.storage.RowFields.text;

import dev.sightline.schemas.avro.ScorePayload;
import dev.sightline.schemas.avro.ScoreRecord;

/** Maps a score record to a row of the {@code scores} table. */
final class ScoreRows {

  static final String TABLE = "scores";

  private ScoreRows() {}

  static TableRow of(ScoreRecord r) {
    ScorePayload s = r.getScore();
    JsonRow row = new JsonRow();
    row.put("project_id", r.getProjectId());
    row.put("trace_id", s.getTraceId());
    row.put("observation_id", text(s.getObservationId()));
    row.put("score_id", s.getScoreId());
    row.put("name", s.getName());
    row.put("value", s.getValue());
    row.put("string_value", text(s.getStringValue()));
    row.put("data_type", s.getDataType().name());
    row.put("source", s.getSource().name());
    row.put("comment", text(s.getComment()));
    row.put("event_date", RowFields.date(s.getTimestampMicros()));
    row.put("timestamp", RowFields.dateTime(s.getTimestampMicros()));
    row.put("timestamp_us", s.getTimestampMicros());
    row.put("event_id", r.getEventId());
    row.put("received_at_us", r.getReceivedAtMicros());
    row.put("version", r.getReceivedAtMicros());
    return row.finish(TABLE);
  }
}
