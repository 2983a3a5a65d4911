package dev.sightline.bench.query;

import java.util.List;
import java.util.Locale;

/** The table for people and, as the last line, the JSON object the issue asks for. */
final class QueryBenchReport {

  private static final double GOAL_P95_MS = 200;

  private final QueryBenchOptions o;
  private final BenchProjects p;
  private final long observations;

  QueryBenchReport(QueryBenchOptions o, BenchProjects p, long observations) {
    this.o = o;
    this.p = p;
    this.observations = observations;
  }

  void print(List<QueryTiming> timings, double exportRowsPerSecond) {
    System.out.printf(
        Locale.ROOT,
        "%ndata   %,d observations, %,d traces over %d days in 3 projects (60/30/10 %%); queries"
            + " on the largest, %d runs each%n%n",
        observations,
        p.traces(),
        p.days(),
        o.runs());
    System.out.printf(
        Locale.ROOT, "%-30s %9s %9s %9s  %s%n", "query", "p50 ms", "p95 ms", "goal", "what");
    StringBuilder json = new StringBuilder("{\"queries\":{");
    for (QueryTiming t : timings) {
      double p50 = t.percentile(50);
      double p95 = t.percentile(95);
      String goal = t.error() != null ? "n/a" : p95 <= GOAL_P95_MS ? "ok" : "MISSED";
      System.out.printf(
          Locale.ROOT, "%-30s %9.1f %9.1f %9s  %s%n", t.name(), p50, p95, goal, t.what());
      if (t.error() != null) {
        System.out.println("    error: " + t.error().lines().findFirst().orElse(""));
      }
      if (json.charAt(json.length() - 1) != '{') {
        json.append(',');
      }
      json.append(
          String.format(
              Locale.ROOT, "\"%s\":{\"p50_ms\":%s,\"p95_ms\":%s}", t.name(), num(p50), num(p95)));
    }
    System.out.printf(
        Locale.ROOT,
        "%-30s %,9.0f rows/s  (streamed JSONL, median of 3)%n",
        "export_100k_traces",
        exportRowsPerSecond);
    System.out.printf(Locale.ROOT, "goal: p95 <= %.0f ms for each query%n", GOAL_P95_MS);
    json.append("},\"export_rows_per_s\":").append(num(exportRowsPerSecond)).append('}');
    System.out.println(json);
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "null" : String.format(Locale.ROOT, "%.2f", v);
  }
}
