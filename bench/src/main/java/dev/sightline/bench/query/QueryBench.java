package dev.sightline.bench.query;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./sightline bench query}: loads about 10 million observations (1M traces, 3 projects) into
 * ClickHouse once, then times the analyst queries through query-service's REST API and the
 * throughput of a 100k-trace export. Prints a table, then one JSON line.
 */
public final class QueryBench {

  private QueryBench() {}

  public static void main(String[] args) throws Exception {
    QueryBenchOptions o;
    try {
      o = QueryBenchOptions.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Progress progress = new Progress();
    System.out.println("Sightline query bench  " + Instant.now());
    BenchLoader loader = new BenchLoader(o, progress);
    BenchProjects projects = o.reload() ? null : BenchProjects.read(o);
    long observations;
    if (projects == null) {
      BenchProjects old = BenchProjects.read(o);
      if (old != null) {
        loader.drop(old);
      }
      projects = BenchProjects.create(o);
      progress.line("loading %,d traces over %d days into 3 new projects", o.traces(), o.days());
      observations = loader.load(projects);
      projects.write(o);
    } else {
      observations =
          Long.parseLong(
              Http.clickhouse(
                      o.clickhouseUrl(),
                      o.database(),
                      "SELECT count() FROM observations WHERE project_id IN " + projects.sqlTuple())
                  .trim());
      progress.line(
          "reusing the loaded data set (%s; --reload true loads it again)", o.stateFile());
    }
    BenchQueries queries = new BenchQueries(o, projects);
    List<QueryTiming> timings = new ArrayList<>(queries.timeAll(progress));
    double exportRate = export(o, projects, queries, progress);
    new QueryBenchReport(o, projects, observations).print(timings, exportRate);
  }

  // Rows per second of a streamed JSONL export of the most recent ~100k traces; median of 3.
  private static double export(
      QueryBenchOptions o, BenchProjects p, BenchQueries queries, Progress progress) {
    try {
      String path = queries.exportPath();
      double[] rates = new double[3];
      for (int i = 0; i < rates.length; i++) {
        long start = System.nanoTime();
        long lines = 0;
        try (InputStream in =
            Http.getStream(URI.create(o.queryUrl() + path), p.authorizations().get(0))) {
          byte[] buf = new byte[1 << 16];
          for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
            for (int k = 0; k < n; k++) {
              if (buf[k] == '\n') {
                lines++;
              }
            }
          }
        }
        rates[i] = lines / ((System.nanoTime() - start) / 1e9);
        progress.line("export %d: %,d rows, %,.0f rows/s", i + 1, lines, rates[i]);
      }
      java.util.Arrays.sort(rates);
      return rates[1];
    } catch (IOException | RuntimeException e) {
      progress.line("export failed: %s", e.getMessage());
      return Double.NaN;
    }
  }
}
