package dev.sightline.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The human table on stdout, ending with the one-line JSON summary. */
final class BenchReport {

  static final double GOAL_SPANS_PER_S = 50_000;
  static final double GOAL_P99_MS = 50;

  private final BenchOptions options;
  private final List<SpanBatch> batches;
  private final String loadAtStart;

  BenchReport(BenchOptions options, List<SpanBatch> batches, String loadAtStart) {
    this.options = options;
    this.batches = batches;
    this.loadAtStart = loadAtStart;
  }

  void header() {
    long bytes = batches.stream().mapToLong(b -> b.body().length).sum();
    long spans = batches.stream().mapToLong(SpanBatch::spans).sum();
    System.out.printf(
        Locale.ROOT,
        "Sightline ingest bench  %s%n"
            + "  target   %s (OTLP/HTTP protobuf), %d connections, %s client%n"
            + "  payload  %d pre-generated requests x %d spans, %.0f B/span, %.1f KiB/request; ids"
            + " re-randomized per request%n"
            + "  machine  %d cores, load average %s%n",
        Instant.now().truncatedTo(ChronoUnit.SECONDS),
        options.tracesUrl(),
        options.concurrency(),
        options.client(),
        batches.size(),
        options.batchSize(),
        (double) bytes / spans,
        bytes / 1024.0 / batches.size(),
        Runtime.getRuntime().availableProcessors(),
        loadAtStart);
  }

  void progress(String message) {
    System.out.println("  ... " + message);
  }

  void print(
      PhaseResult max,
      PhaseResult half,
      KafkaRawBaseline.Result kafka,
      KafkaRawBaseline.Result kafkaBigBatches,
      String loadAfterHttp,
      String loadAtEnd) {
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "%-34s %7s %9s %7s %15s %8s %8s %8s %8s%n",
        "phase",
        "secs",
        "requests",
        "errors",
        "accepted span/s",
        "p50 ms",
        "p99 ms",
        "p99.9 ms",
        "max ms");
    row(max);
    if (half != null) {
      row(half);
    }
    System.out.println("  status codes: " + statuses(max, half));
    System.out.println(
        "  phase 1 by " + PhaseResult.SLICE_SECONDS + " s: " + timeline(max) + " spans/s");
    if (half != null) {
      System.out.printf(
          Locale.ROOT,
          "  phase 2 target %,.0f spans/s (%s); its latency counts from the scheduled send time%n",
          half.targetRequestsPerSecond * options.batchSize(),
          options.halfRateSpans() > 0 ? "--half-rate-spans" : "50% of phase 1");
      System.out.printf(
          Locale.ROOT,
          "  phase 2 acks over %d ms, second:count: %s%n",
          PhaseResult.SLOW_ACK_MILLIS,
          half.slowAcksBySecond());
    }
    double recordsPerSpan = recordsPerSpan();
    if (kafka != null) {
      double ingestRecords = max.acceptedSpansPerSecond() * recordsPerSpan;
      System.out.printf(
          Locale.ROOT,
          "%n3 Kafka raw producer, %.0f B/record (span events replayed from the ingest topic),"
              + " acks=all, idempotent, lz4, linger 5 ms, %d threads sharing one producer:%n",
          kafka.avgRecordBytes(),
          options.concurrency());
      kafkaRow("batch.size 512 KiB (EventPublisher's)", kafka);
      if (kafkaBigBatches != null) {
        kafkaRow("batch.size 1 MiB", kafkaBigBatches);
      }
      System.out.printf(
          Locale.ROOT,
          "  ingest writes %.2f records per span (a TRACE event per root span): %,.0f records/s in"
              + " phase 1 = %.0f%% of the raw producer with the same settings%n",
          recordsPerSpan,
          ingestRecords,
          100 * ingestRecords / kafka.recordsPerSecond());
    }
    double p50 = half != null ? half.percentileMillis(50) : max.percentileMillis(50);
    double p99 = half != null ? half.percentileMillis(99) : max.percentileMillis(99);
    System.out.printf(
        Locale.ROOT,
        "%ngoal >= %,.0f spans/s accepted: %s;  goal ack p99 <= %.0f ms at half rate: %s%n",
        GOAL_SPANS_PER_S,
        max.acceptedSpansPerSecond() >= GOAL_SPANS_PER_S ? "MET" : "MISSED",
        GOAL_P99_MS,
        half == null ? "NOT MEASURED" : p99 <= GOAL_P99_MS ? "MET" : "MISSED");
    System.out.printf(
        "load average: %s at start, %s after HTTP phases, %s at end%n",
        loadAtStart, loadAfterHttp, loadAtEnd);
    System.out.println(
        "JSON: ack_* from phase 2 (half rate), errors = non-2xx + exceptions of phases 1 and 2");
    long errors = max.errors() + (half == null ? 0 : half.errors());
    System.out.printf(
        Locale.ROOT,
        "{\"accepted_spans_per_s\":%.0f,\"ack_p50_ms\":%.2f,\"ack_p99_ms\":%.2f,\"errors\":%d,"
            + "\"kafka_raw_records_per_s\":%.0f}%n",
        max.acceptedSpansPerSecond(),
        p50,
        p99,
        errors,
        kafka == null ? 0 : kafka.recordsPerSecond());
  }

  private static void kafkaRow(String label, KafkaRawBaseline.Result r) {
    System.out.printf(
        Locale.ROOT,
        "  %-38s %,10.0f records/s  %6.1f MB/s  (%d errors)%n",
        label,
        r.recordsPerSecond(),
        r.recordsPerSecond() * r.avgRecordBytes() / 1e6,
        r.errors());
  }

  /** A phase's accepted spans/s per slice, for people. */
  static String timeline(PhaseResult r) {
    StringBuilder out = new StringBuilder();
    for (double rate : r.spansPerSecondBySlice()) {
      out.append(out.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%,.0f", rate));
    }
    return out.toString();
  }

  private void row(PhaseResult r) {
    System.out.printf(
        Locale.ROOT,
        "%-34s %7.1f %9d %7d %,15.0f %8.2f %8.2f %8.2f %8.2f%n",
        r.name,
        r.seconds(),
        r.requests,
        r.errors(),
        r.acceptedSpansPerSecond(),
        r.percentileMillis(50),
        r.percentileMillis(99),
        r.percentileMillis(99.9),
        r.latencyMicros.getMaxValue() / 1000.0);
  }

  private static String statuses(PhaseResult max, PhaseResult half) {
    Map<String, Long> all = new java.util.TreeMap<>(max.statuses);
    if (half != null) {
      half.statuses.forEach((k, v) -> all.merge(k, v, Long::sum));
    }
    return all.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(" "));
  }

  // Every span is one OBSERVATION event; a root span adds a TRACE event.
  private double recordsPerSpan() {
    long spans = batches.stream().mapToLong(SpanBatch::spans).sum();
    long idRefs = batches.stream().mapToLong(b -> b.spanIdOffsets().length).sum();
    long roots = 2 * spans - idRefs;
    return (double) (spans + roots) / spans;
  }
}
