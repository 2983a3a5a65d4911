package dev.sightline.bench.e2e;

import dev.sightline.bench.SpanBatch;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The table for people on stdout, ending with the one-line JSON object the issue asks for. */
final class E2eReport {

  static final double GOAL_SPANS_PER_S = 25_000;
  static final double GOAL_RAW_SHARE = 0.25;
  static final double GOAL_FRESHNESS_P99_MS = 2_000;

  private final E2eOptions o;
  private final List<SpanBatch> batches;
  private final TraceRange run;
  private final String loadAtStart;

  E2eReport(E2eOptions o, List<SpanBatch> batches, TraceRange run, String loadAtStart) {
    this.o = o;
    this.batches = batches;
    this.run = run;
    this.loadAtStart = loadAtStart;
  }

  void header() {
    long bytes = batches.stream().mapToLong(b -> b.body().length).sum();
    long spans = batches.stream().mapToLong(SpanBatch::spans).sum();
    printf(
        "Sightline end-to-end bench  %s%n"
            + "  target   %s, %d connections; ClickHouse %s/%s; lag of %s%n"
            + "  payload  %d requests of ~%.0f spans, traces of %d-%d spans, %.0f B/span; trace ids"
            + " of this run start with %s%n"
            + "  machine  %d cores, load average %s%n",
        Instant.now().truncatedTo(ChronoUnit.SECONDS),
        o.tracesUrl(),
        o.concurrency(),
        o.clickhouseUrl(),
        o.database(),
        String.join(" + ", o.groups()),
        batches.size(),
        (double) spans / batches.size(),
        o.minTraceSpans(),
        o.maxTraceSpans(),
        (double) bytes / spans,
        run.hex(),
        Runtime.getRuntime().availableProcessors(),
        loadAtStart);
  }

  void progress(String format, Object... args) {
    System.out.println("  ... " + String.format(Locale.ROOT, format, args));
  }

  void print(E2eBench.Results r) {
    int cores = Runtime.getRuntime().availableProcessors();
    printf(
        "%n%-22s %9s %9s %6s %9s %8s %26s %9s %7s  %s%n",
        "step",
        "offered/s",
        "acked/s",
        "errors",
        "stored/s",
        "ack p99",
        "backlog start/mid/end",
        "growth/s",
        "drain s",
        "verdict");
    if (r.warmup != null) {
      row(r.warmup, "not counted");
    }
    for (int i = 0; i < r.steps.size(); i++) {
      SustainRule.Verdict v = r.verdicts.get(i);
      row(r.steps.get(i), v.sustained() ? "sustained" : "NOT sustained: " + v.reason());
    }
    if (r.freshnessStep != null) {
      row(r.freshnessStep, SustainRule.judge(r.freshnessStep).reason());
    }
    double sustained = sustained(r);
    List<StepResult> all = new ArrayList<>(r.steps);
    if (r.freshnessStep != null) {
      all.add(r.freshnessStep);
    }
    for (StepResult s : all) {
      printf("  backlog when the load of %s ended: %s%n", s.name(), s.lagByGroupAtEnd());
      if (s.cost() != null) {
        printf("    %s%n", s.cost().describe(cores));
        printf("    %s%n", s.cost().perSpan(s.ackedSpansPerSecond(), cores));
      }
    }
    printf(
        "  CPU microseconds per span = CPU per second of load / acked spans per second; the goal of %,.0f"
            + " spans/s on %d cores leaves %.0f per span for everything%n",
        GOAL_SPANS_PER_S, cores, cores * 1e6 / GOAL_SPANS_PER_S);
    printf(
        "  stored/s = this step's rows in observations once drained / load seconds; backlog ="
            + " records not yet consumed by %s%n",
        String.join(" + ", o.groups()));
    printf(
        "%nsustained end to end: %s%n",
        r.steps.isEmpty() ? "not measured" : fmt(sustained, " spans/s"));
    double p50 = Double.NaN;
    double p99 = Double.NaN;
    if (r.freshness != null) {
      FreshnessProbe.Result f = r.freshness;
      p50 = f.percentile(50);
      p99 = f.percentile(99);
      printf(
          "freshness at %,d spans/s (ack -> row in observations): p50 %s, p99 %s, max %s; %d of %d"
              + " sampled traces seen, %d not seen within %d s (resolution ~%d ms)%n",
          o.freshnessRate(),
          fmt(p50, " ms"),
          fmt(p99, " ms"),
          fmt(f.millis().getTotalCount() == 0 ? Double.NaN : f.millis().getMaxValue(), " ms"),
          f.millis().getTotalCount(),
          f.sampled(),
          f.missing(),
          30,
          o.pollMillis());
    }
    double raw = r.raw == null ? Double.NaN : r.raw.rowsPerSecond();
    if (r.raw != null) {
      printf(
          "ClickHouse raw JSONEachRow insert: %s (%,d rows, %,d distinct from this run, %.0f B/row,"
              + " batches of %,d, one thread, %.1f s in INSERTs)%n",
          fmt(raw, " rows/s"),
          r.raw.rows(),
          r.raw.distinctRows(),
          (double) r.raw.bytes() / r.raw.rows(),
          o.rawBatchRows(),
          r.raw.seconds());
      printf(
          "ClickHouse CPU during the raw inserts: %.1f s, %s per row%n",
          r.raw.clickHouseCpuSeconds(), fmt(r.raw.clickHouseMicrosPerRow(), " microseconds"));
      printf("sustained / raw: %.2f%n", sustained / raw);
    }
    printf(
        "%ngoal >= %,.0f spans/s sustained and >= %.2fx raw: %s;  goal freshness p99 <= %,.0f ms at"
            + " %,d spans/s: %s%n",
        GOAL_SPANS_PER_S,
        GOAL_RAW_SHARE,
        r.steps.isEmpty()
            ? "NOT MEASURED"
            : sustained >= GOAL_SPANS_PER_S && !(sustained < GOAL_RAW_SHARE * raw)
                ? "MET"
                : "MISSED",
        GOAL_FRESHNESS_P99_MS,
        o.freshnessRate(),
        Double.isNaN(p99) ? "NOT MEASURED" : p99 <= GOAL_FRESHNESS_P99_MS ? "MET" : "MISSED");
    printf(
        "load average: %s at start, %s after the load, %s at end%n",
        loadAtStart, r.loadAfterLoad, r.loadAtEnd);
    printf(
        "{\"sustained_spans_per_s\":%s,\"freshness_p50_ms\":%s,\"freshness_p99_ms\":%s,"
            + "\"clickhouse_raw_rows_per_s\":%s}%n",
        r.steps.isEmpty() ? "null" : json(sustained, 0), json(p50, 1), json(p99, 1), json(raw, 0));
  }

  /** The stored rate of the highest sustained step; 0 when even the first was not sustained. */
  static double sustained(E2eBench.Results r) {
    double best = 0;
    for (int i = 0; i < r.steps.size(); i++) {
      if (r.verdicts.get(i).sustained()) {
        best = Math.max(best, r.steps.get(i).storedSpansPerSecond());
      }
    }
    return best;
  }

  private void row(StepResult s, String verdict) {
    printf(
        "%-22s %,9.0f %,9.0f %6d %,9.0f %8.1f %26s %,9.0f %7s  %s%n",
        s.name(),
        s.offeredSpansPerSecond(),
        s.ackedSpansPerSecond(),
        s.errors(),
        s.storedSpansPerSecond(),
        s.ackP99Millis(),
        String.format(Locale.ROOT, "%,d/%,d/%,d", s.lagAt(0), s.lagAt(0.5), s.lagAt(1)),
        SustainRule.lagGrowthPerSecond(s.lag()),
        Double.isNaN(s.drainSeconds())
            ? ">" + o.drain().toSeconds()
            : String.format(Locale.ROOT, "%.1f", s.drainSeconds()),
        verdict);
  }

  private static String fmt(double v, String unit) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%,.0f%s", v, unit);
  }

  private static String json(double v, int decimals) {
    return Double.isNaN(v) || Double.isInfinite(v)
        ? "null"
        : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  private static void printf(String format, Object... args) {
    System.out.printf(Locale.ROOT, format, args);
  }
}
