package dev.sightline.bench.query;

import com.datadoghq.sketch.ddsketch.DDSketch;
import dev.sightline.schemas.sketch.LatencyBins;
import dev.sightline.schemas.sketch.LatencySketches;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Builds the 1-minute aggregate rows of the loaded observations the way enrich-service does: one
 * row per project × window × environment × step × model × prompt, with the latencies in a DDSketch
 * (the shared LatencySketches definition) stored as bins, so metrics merge real sketches.
 */
final class AggregateLoader {

  private static final int ROWS_PER_INSERT = 50_000;
  private static final String COLUMNS =
      "project_id, window_date, window_start, window_end, environment, name, model, prompt_name,"
          + " prompt_version, count, errors, input_tokens, output_tokens, cost_usd, latency_sketch,"
          + " latency_bin_index, latency_bin_count, latency_zero_count, version";

  private final QueryBenchOptions options;

  AggregateLoader(QueryBenchOptions options) {
    this.options = options;
  }

  /** Inserts the windows of the bench projects; returns how many. */
  long load(BenchProjects p) throws IOException {
    String select =
        "SELECT project_id, toDate(w), w, w + 60, environment, name, model, prompt_name, pv,"
            + " count(), countIf(level = 'ERROR'), sum(ifNull(usage_input, 0)),"
            + " sum(ifNull(usage_output, 0)), sum(ifNull(cost_total, 0)), groupArray(latency_ms)"
            + " FROM (SELECT *, toStartOfMinute(start_time) AS w, ifNull(prompt_version, 0) AS pv"
            + " FROM observations WHERE project_id IN "
            + p.sqlTuple()
            + ")"
            + " GROUP BY project_id, w, environment, name, model, prompt_name, pv"
            + " FORMAT TabSeparated";
    long rows = 0;
    StringBuilder batch = new StringBuilder();
    int inBatch = 0;
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(stream(select), StandardCharsets.UTF_8), 1 << 16)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        batch.append(row(line.split("\t", -1))).append('\n');
        rows++;
        if (++inBatch == ROWS_PER_INSERT) {
          insert(batch);
          batch.setLength(0);
          inBatch = 0;
        }
      }
    }
    if (inBatch > 0) {
      insert(batch);
    }
    return rows;
  }

  // Fields 0-13 pass through (TabSeparated escaping kept as it is); field 14 is [l1,l2,...].
  private static String row(String[] f) {
    DDSketch sketch = LatencySketches.empty();
    String list = f[14].substring(1, f[14].length() - 1);
    for (String v : list.split(",")) {
      sketch.accept(Double.parseDouble(v));
    }
    LatencyBins bins = LatencySketches.bins(sketch);
    StringBuilder out = new StringBuilder(512);
    for (int i = 0; i < 14; i++) {
      out.append(f[i]).append('\t');
    }
    // As the enrich sink writes it since migration 0004: bins, empty latency_sketch, version =
    // count.
    out.append('\t').append('[');
    for (int i = 0; i < bins.indexes().length; i++) {
      out.append(i == 0 ? "" : ",").append(bins.indexes()[i]);
    }
    out.append("]\t[");
    for (int i = 0; i < bins.counts().length; i++) {
      out.append(i == 0 ? "" : ",").append(bins.counts()[i]);
    }
    return out.append("]\t").append(bins.zeroCount()).append('\t').append(f[9]).toString();
  }

  private void insert(StringBuilder rows) throws IOException {
    Http.clickhouse(
        options.clickhouseUrl(),
        options.database(),
        "INSERT INTO observation_aggregates (" + COLUMNS + ") FORMAT TabSeparated\n" + rows);
  }

  private InputStream stream(String sql) throws IOException {
    URI uri =
        URI.create(
            options.clickhouseUrl()
                + "/?database="
                + options.database()
                + "&query="
                + URLEncoder.encode(sql, StandardCharsets.UTF_8));
    try {
      HttpResponse<InputStream> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(uri).GET().build(),
                  HttpResponse.BodyHandlers.ofInputStream());
      if (r.statusCode() != 200) {
        throw new IOException(
            "ClickHouse "
                + r.statusCode()
                + ": "
                + new String(r.body().readAllBytes(), StandardCharsets.UTF_8));
      }
      return r.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
