package dev.sightline.bench.query;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Fills the bench projects: traces, observations and scores generated inside ClickHouse from {@code
 * numbers()} (SQL in resources/query-bench, the same columns and value shapes the enrich sink
 * writes), then the 1-minute aggregates with real DDSketches built from those rows.
 */
final class BenchLoader {

  private final QueryBenchOptions options;
  private final Progress progress;

  BenchLoader(QueryBenchOptions options, Progress progress) {
    this.options = options;
    this.progress = progress;
  }

  /** Loads every table; returns the observation rows loaded. */
  long load(BenchProjects p) throws IOException {
    for (String table : new String[] {"traces", "observations", "scores"}) {
      long start = System.nanoTime();
      run(
          template(table)
              .replace("{projects}", p.sqlArray())
              .replace("{traces}", String.valueOf(p.traces()))
              .replace("{now_us}", String.valueOf(p.nowMicros()))
              .replace("{days}", String.valueOf(p.days())));
      progress.line("loaded %s in %.1f s", table, (System.nanoTime() - start) / 1e9);
    }
    long start = System.nanoTime();
    long windows = new AggregateLoader(options).load(p);
    progress.line(
        "loaded %,d aggregate windows in %.1f s", windows, (System.nanoTime() - start) / 1e9);
    return Long.parseLong(
        run("SELECT count() FROM observations WHERE project_id IN " + p.sqlTuple()).trim());
  }

  /** Removes an earlier run's rows (a mutation; ClickHouse applies it in the background). */
  void drop(BenchProjects p) throws IOException {
    for (String table :
        new String[] {"traces", "observations", "scores", "observation_aggregates"}) {
      run("ALTER TABLE " + table + " DELETE WHERE project_id IN " + p.sqlTuple());
    }
  }

  private String run(String sql) throws IOException {
    return Http.clickhouse(options.clickhouseUrl(), options.database(), sql);
  }

  private static String template(String table) throws IOException {
    try (InputStream in = BenchLoader.class.getResourceAsStream("/query-bench/" + table + ".sql")) {
      if (in == null) {
        throw new IOException("missing resource query-bench/" + table + ".sql");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
