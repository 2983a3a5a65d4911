package dev.sightline.bench.e2e;

import dev.sightline.bench.SpanBatch;
import dev.sightline.bench.SpanBatches;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code ./sightline bench e2e}: GenAI traces through the whole running stack at increasing rates
 * (highest rate stored without a growing backlog), ingest → queryable latency at 10,000 spans/s,
 * and ClickHouse's own JSONEachRow insert rate for the same rows.
 */
public final class E2eBench {

  // Long enough for the first rows to reach ClickHouse, so the project can be looked up.
  private static final Duration LOOKUP_PILOT = Duration.ofSeconds(3);
  private static final Duration LOOKUP_PATIENCE = Duration.ofSeconds(60);
  // How long the freshness probe keeps looking for sampled traces after its load ended.
  private static final long FRESHNESS_GIVE_UP_MILLIS = 30_000;
  // Longest wait for the backlog before the freshness and the raw phases start.
  private static final Duration DRAIN_WAIT = Duration.ofSeconds(120);

  private E2eBench() {}

  public static void main(String[] args) throws Exception {
    E2eOptions o;
    try {
      o = E2eOptions.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    // Every trace id of this run starts with these 3 bytes, then the phase number.
    byte[] run = new byte[3];
    ThreadLocalRandom.current().nextBytes(run);
    List<SpanBatch> batches =
        new SpanBatches(42, o.minTraceSpans(), o.maxTraceSpans())
            .generate(o.batches(), o.batchSize());
    E2eReport report = new E2eReport(o, batches, new TraceRange(run), loadAverage());
    report.header();
    ClickHouseHttp clickHouse = new ClickHouseHttp(o.clickhouseUrl(), o.database());
    Results r = new Results();
    try (ConsumerLag lag = new ConsumerLag(o.bootstrap(), o.groups())) {
      ProcessCpu cpu = ProcessCpu.of(o.pidsDir());
      StepRunner runner = new StepRunner(o, batches, lag, clickHouse, cpu);
      int phase = 0;
      String project = o.projectId();
      Duration warmup = o.warmup();
      if (project == null && warmup.compareTo(LOOKUP_PILOT) < 0) {
        warmup = LOOKUP_PILOT;
      }
      if (!warmup.isZero()) {
        report.progress("warm-up: %,d spans/s for %d s", o.rates().get(0), warmup.toSeconds());
        r.warmup =
            runner.run(
                "warm-up (not counted)",
                TraceRange.of(run, phase++),
                o.rates().get(0),
                warmup,
                null);
      }
      if (project == null) {
        project = ProjectLookup.find(clickHouse, new TraceRange(run), LOOKUP_PATIENCE);
        report.progress("project %s (looked up from this run's first rows)", project);
      }
      runner.projectId(project);
      // Rate steps before the freshness phase: capacity is measured from a quiet start, not while
      // ClickHouse still merges the parts of a 10,000 spans/s burst (5,000 held alone and failed
      // right after that burst: bench/README.md, sessions 6 and 7).
      for (int rate : o.rates()) {
        report.progress("step: %,d spans/s for %d s", rate, o.step().toSeconds());
        StepResult step =
            runner.run(
                String.format("%,d spans/s", rate),
                TraceRange.of(run, phase++),
                rate,
                o.step(),
                null);
        SustainRule.Verdict verdict = SustainRule.judge(step);
        r.steps.add(step);
        r.verdicts.add(verdict);
        report.progress(
            "  %s", verdict.sustained() ? "sustained" : "not sustained: " + verdict.reason());
        if (!verdict.sustained()) {
          break;
        }
      }
      if (!o.freshness().isZero()) {
        // Freshness is measured on a drained pipeline: the last step ended with a backlog.
        awaitDrained(runner, report);
        report.progress(
            "freshness: %,d spans/s for %d s, one trace per %d ms followed",
            o.freshnessRate(), o.freshness().toSeconds(), o.sampleMillis());
        FreshnessProbe probe = new FreshnessProbe(clickHouse, project, o.sampleMillis());
        TraceRange range = TraceRange.of(run, phase++);
        CompletableFuture<StepResult> step =
            CompletableFuture.supplyAsync(
                () ->
                    unchecked(
                        () ->
                            runner.run(
                                "freshness", range, o.freshnessRate(), o.freshness(), probe)),
                StepRunner.OWN_THREAD);
        r.freshness = probe.poll(o.pollMillis(), FRESHNESS_GIVE_UP_MILLIS, step);
        r.freshnessStep = step.join();
      }
      r.loadAfterLoad = loadAverage();
      if (o.rawRows() > 0) {
        // ClickHouse alone: the sink's inserts of the freshness phase's backlog would share its
        // cores and its CPU figure.
        awaitDrained(runner, report);
        report.progress(
            "ClickHouse raw: %,d rows in batches of %,d", o.rawRows(), o.rawBatchRows());
        try {
          r.raw =
              RawInsert.run(
                  clickHouse, cpu, project, new TraceRange(run), o.rawRows(), o.rawBatchRows());
        } catch (IOException e) {
          report.progress("raw insert failed: %s", e.getMessage());
        }
      }
    }
    r.loadAtEnd = loadAverage();
    report.print(r);
  }

  /** Waits up to {@link #DRAIN_WAIT} for the backlog and says whether the next phase has it. */
  private static void awaitDrained(StepRunner runner, E2eReport report)
      throws ExecutionException, InterruptedException {
    double waited = runner.awaitDrained(DRAIN_WAIT);
    if (Double.isNaN(waited)) {
      report.progress(
          "backlog not drained after %d s, the next phase runs on top of it",
          DRAIN_WAIT.toSeconds());
    } else {
      report.progress("backlog drained in %.1f s", waited);
    }
  }

  /** Everything measured, for the report; null where a phase was skipped or failed. */
  static final class Results {
    StepResult warmup;
    StepResult freshnessStep;
    FreshnessProbe.Result freshness;
    final List<StepResult> steps = new ArrayList<>();
    final List<SustainRule.Verdict> verdicts = new ArrayList<>();
    RawInsert.Result raw;
    String loadAfterLoad;
    String loadAtEnd;
  }

  private interface Step<T> {
    T get() throws Exception;
  }

  private static <T> T unchecked(Step<T> step) {
    try {
      return step.get();
    } catch (Exception e) {
      throw new CompletionException(e);
    }
  }

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "n/a";
    }
  }
}
