package dev.sightline.query.storage;

import dev.sightline.query.domain.search.ExportFormat;
import dev.sightline.query.domain.search.TraceExport;
import dev.sightline.query.domain.search.TraceExporter;
import dev.sightline.query.domain.search.TraceRowWriter;
import dev.sightline.query.domain.search.TraceSearch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@link TraceExporter} on ClickHouse: the search SQL of {@link TraceSearchSql} without a cursor,
 * its JSONEachRow response read as a stream and rewritten row by row.
 */
@ApplicationScoped
public class ClickHouseTraceExporter implements TraceExporter {

  @Inject ClickHouseRows rows;
  @Inject PartitionInspector partitions;

  @Override
  public TraceExport export(
      String projectId, TraceSearch search, ExportFormat format, long maxRows) {
    int limit = (int) Math.min(Integer.MAX_VALUE, maxRows);
    InputStream in =
        rows.open(TraceSearchSql.select(projectId, search, limit, partitions.clean(), null));
    return new TraceExport() {
      @Override
      public void writeTo(OutputStream out) throws IOException {
        BufferedWriter text =
            new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        TraceRowWriter writer = new TraceRowWriter(format, text);
        writer.header();
        ClickHouseRows.forEachLine(
            in,
            row -> {
              try {
                writer.row(TraceSearchRows.summary(row));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
        text.flush();
      }

      @Override
      public void close() {
        try {
          in.close();
        } catch (IOException e) {
          // Closing only aborts the rest of ClickHouse's response; nothing to recover.
        }
      }
    };
  }
}
