package dev.sightline.query.domain.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes exported trace summaries as JSON lines or RFC 4180 CSV, one row at a time. */
public final class TraceRowWriter {

  /** The CSV header, also the JSON field names. */
  public static final List<String> COLUMNS =
      List.of(
          "id",
          "name",
          "timestamp",
          "userId",
          "sessionId",
          "tags",
          "environment",
          "release",
          "totalCostUsd",
          "latencyMs",
          "observationCount",
          "level");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ExportFormat format;
  private final Writer out;

  public TraceRowWriter(ExportFormat format, Writer out) {
    this.format = format;
    this.out = out;
  }

  /** The header line (CSV only). */
  public void header() throws IOException {
    if (format == ExportFormat.CSV) {
      out.write(String.join(",", COLUMNS));
      out.write("\r\n");
    }
  }

  /** One row. */
  public void row(TraceSummary t) throws IOException {
    ArrayNode tags = JSON.createArrayNode();
    t.tags().forEach(tags::add);
    if (format == ExportFormat.JSONL) {
      ObjectNode row = JSON.createObjectNode();
      row.put("id", t.id());
      row.put("name", t.name());
      row.put("timestamp", t.timestamp().toString());
      row.put("userId", t.userId());
      row.put("sessionId", t.sessionId());
      row.set("tags", tags);
      row.put("environment", t.environment());
      row.put("release", t.release());
      row.put("totalCostUsd", t.totalCostUsd());
      row.put("latencyMs", t.latencyMs());
      row.put("observationCount", t.observationCount());
      row.put("level", t.level());
      out.write(JSON.writeValueAsString(row));
      out.write("\n");
      return;
    }
    Object[] fields = {
      t.id(), t.name(), t.timestamp(), t.userId(), t.sessionId(), JSON.writeValueAsString(tags),
      t.environment(), t.release(), t.totalCostUsd(), t.latencyMs(), t.observationCount(), t.level()
    };
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(csvField(fields[i]));
    }
    out.write("\r\n");
  }

  /**
   * RFC 4180: a field with a comma, quote, CR or LF is quoted, its quotes doubled; null is empty.
   */
  static String csvField(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (text.indexOf(',') < 0
        && text.indexOf('"') < 0
        && text.indexOf('\n') < 0
        && text.indexOf('\r') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
