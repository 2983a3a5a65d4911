package dev.sightline.bench.e2e;

import dev.sightline.bench.HttpLoad;
import dev.sightline.bench.PhaseResult;
import dev.sightline.bench.SpanBatch;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one open-loop step of OTLP load, samples the backlog while it runs, then waits for the
 * backlog to drain and counts the step's stored rows.
 */
final class StepRunner {

  private static final long SAMPLE_MILLIS = 500;
  // EOS commit markers can leave a record or so per partition that never reads as consumed.
  private static final long DRAINED_LAG_RECORDS = 50;

  /** Runs a task on a new thread: the common pool has one thread on two cores. */
  static final Executor OWN_THREAD = task -> new Thread(task, "bench-e2e-task").start();

  private final E2eOptions options;
  private final List<SpanBatch> batches;
  private final double spansPerRequest;
  private final ConsumerLag lag;
  private final ClickHouseHttp clickHouse;
  private final ProcessCpu cpu;
  private String projectId;

  StepRunner(
      E2eOptions options,
      List<SpanBatch> batches,
      ConsumerLag lag,
      ClickHouseHttp clickHouse,
      ProcessCpu cpu) {
    this.options = options;
    this.cpu = cpu;
    this.batches = batches;
    this.spansPerRequest = batches.stream().mapToInt(SpanBatch::spans).average().orElse(1);
    this.lag = lag;
    this.clickHouse = clickHouse;
  }

  /** From now on steps count their stored rows in this project. */
  void projectId(String projectId) {
    this.projectId = projectId;
  }

  /** Mean spans per request of the payload. */
  double spansPerRequest() {
    return spansPerRequest;
  }

  /**
   * Offers {@code spansPerSecond} for {@code duration}; every trace id starts with {@code range}.
   *
   * @param listener told about each ack (freshness sampling); null for none
   */
  StepResult run(
      String name,
      TraceRange range,
      double spansPerSecond,
      Duration duration,
      HttpLoad.AckListener listener)
      throws InterruptedException, ExecutionException, IOException {
    List<SpanBatch> marked = batches.stream().map(b -> b.withTracePrefix(range.prefix())).toList();
    HttpLoad load =
        new HttpLoad(
            options.tracesUrl(),
            options.publicKey(),
            options.secretKey(),
            options.concurrency(),
            false,
            marked,
            listener);
    List<LagSample> samples = new ArrayList<>();
    Map<String, Long> ticksAtStart = cpu.ticks();
    ClickHouseWork workAtStart = ClickHouseWork.read(clickHouse);
    long start = System.nanoTime();
    CompletableFuture<PhaseResult> done =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return load.openLoop(name, duration, spansPerSecond / spansPerRequest);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
              }
            },
            OWN_THREAD);
    while (!done.isDone()) {
      samples.add(new LagSample(seconds(start), lag.records()));
      sleepUntilDoneOr(done, SAMPLE_MILLIS);
    }
    PhaseResult http = done.get();
    double wall = seconds(start);
    StepCost cost = cost(ticksAtStart, workAtStart, wall);
    Map<String, Long> lagAtEnd = lag.byGroup();
    long storedAtEnd = stored(range);
    double drainStart = seconds(start);
    double drained = Double.NaN;
    long stored = storedAtEnd;
    long drainEnd = System.nanoTime() + options.drain().toNanos();
    while (System.nanoTime() < drainEnd) {
      long backlog = lag.records();
      stored = stored(range);
      // The sink commits after ClickHouse took a batch: no backlog means every acked row is in.
      if (backlog <= DRAINED_LAG_RECORDS || stored >= http.acceptedSpans()) {
        stored = stored(range);
        drained = seconds(start) - drainStart;
        break;
      }
      Thread.sleep(SAMPLE_MILLIS);
    }
    return new StepResult(
        name,
        spansPerSecond,
        duration.toNanos() / 1e9,
        wall,
        http.acceptedSpans(),
        http.errors(),
        http.percentileMillis(99),
        samples,
        lagAtEnd,
        storedAtEnd,
        stored,
        drained,
        cost);
  }

  private StepCost cost(Map<String, Long> ticksAtStart, ClickHouseWork workAtStart, double wall) {
    ClickHouseWork workAtEnd = ClickHouseWork.read(clickHouse);
    return new StepCost(
        ProcessCpu.percentOfCore(ticksAtStart, cpu.ticks(), wall),
        workAtStart == null || workAtEnd == null ? null : workAtEnd.since(workAtStart),
        wall);
  }

  /**
   * Waits until the pipeline's backlog is gone.
   *
   * @return seconds waited, or NaN when there was still a backlog after {@code max}
   */
  double awaitDrained(Duration max) throws ExecutionException, InterruptedException {
    long start = System.nanoTime();
    long end = start + max.toNanos();
    while (lag.records() > DRAINED_LAG_RECORDS) {
      if (System.nanoTime() >= end) {
        return Double.NaN;
      }
      Thread.sleep(SAMPLE_MILLIS);
    }
    return seconds(start);
  }

  /** Rows of the range in {@code observations}; -1 while the project is not known. */
  private long stored(TraceRange range) throws IOException {
    if (projectId == null) {
      return -1;
    }
    return clickHouse.number(
        "SELECT count() FROM observations WHERE project_id = '"
            + projectId
            + "' AND "
            + range.sql());
  }

  private static void sleepUntilDoneOr(CompletableFuture<?> done, long millis)
      throws InterruptedException {
    try {
      done.get(millis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // Either the load ended (the caller looks at it) or the sample interval passed.
    }
  }

  private static double seconds(long sinceNanos) {
    return (System.nanoTime() - sinceNanos) / 1e9;
  }
}
