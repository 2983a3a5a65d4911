package dev.sightline.query.domain.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceRowWriterTest {

  @Test
  void quotesOnlyFieldsWithCommasQuotesOrLineBreaks() {
    assertThat(TraceRowWriter.csvField("plain")).isEqualTo("plain");
    assertThat(TraceRowWriter.csvField("a,b")).isEqualTo("\"a,b\"");
    assertThat(TraceRowWriter.csvField("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(TraceRowWriter.csvField("x\ny")).isEqualTo("\"x\ny\"");
    assertThat(TraceRowWriter.csvField("x\ry")).isEqualTo("\"x\ry\"");
    assertThat(TraceRowWriter.csvField(null)).isEmpty();
  }

  @Test
  void csvRowsReadBackUnchangedWithARealCsvParser() throws Exception {
    StringWriter out = new StringWriter();
    TraceRowWriter writer = new TraceRowWriter(ExportFormat.CSV, out);
    writer.header();
    String nasty = "a,\"b\"\r\nc, Ёж";
    writer.row(summary("t1", nasty, List.of("x,y", "q\"")));
    writer.row(summary("t2", null, List.of()));
    List<Map<String, String>> rows;
    try (MappingIterator<Map<String, String>> it =
        new CsvMapper()
            .readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(out.toString())) {
      rows = it.readAll();
    }
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0))
        .containsEntry("name", nasty)
        .containsEntry("tags", "[\"x,y\",\"q\\\"\"]");
    assertThat(rows.get(0)).containsEntry("timestamp", "2026-11-29T01:02:03Z");
    assertThat(rows.get(1)).containsEntry("name", "").containsEntry("totalCostUsd", "");
    assertThat(out.toString()).startsWith("id,name,timestamp,").contains("\r\n");
  }

  @Test
  void jsonLinesAreOneObjectPerLine() throws Exception {
    StringWriter out = new StringWriter();
    TraceRowWriter writer = new TraceRowWriter(ExportFormat.JSONL, out);
    writer.header();
    writer.row(summary("t1", "two\nlines", List.of("a")));
    assertThat(out.toString())
        .startsWith("{\"id\":\"t1\",\"name\":\"two\\nlines\"")
        .endsWith("}\n")
        .containsOnlyOnce("\n");
  }

  private static TraceSummary summary(String id, String name, List<String> tags) {
    return new TraceSummary(
        id,
        name,
        Instant.parse("2026-11-29T01:02:03Z"),
        null,
        null,
        tags,
        "prod",
        null,
        name == null ? null : 0.5,
        12.5,
        2,
        "DEFAULT");
  }
}
