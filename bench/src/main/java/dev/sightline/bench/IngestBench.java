package dev.sightline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.KafkaException;

/**
 * {@code ./sightline bench ingest}: maximum accepted spans/s, ack latency at half that rate, and
 * the broker's raw producer rate for the same records, against a running stack.
 */
public final class IngestBench {

  private IngestBench() {}

  public static void main(String[] args) throws Exception {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    List<SpanBatch> batches = new SpanBatches(42).generate(options.batches(), options.batchSize());
    BenchReport report = new BenchReport(options, batches, loadAverage());
    report.header();
    HttpLoad load = new HttpLoad(options, batches);

    if (!options.warmup().isZero()) {
      report.progress("warm-up " + options.warmup().toSeconds() + " s (not counted)");
      PhaseResult warmup = load.closedLoop("warm-up", options.warmup());
      report.progress(
          "warm-up by " + PhaseResult.SLICE_SECONDS + " s: " + BenchReport.timeline(warmup));
    }
    report.progress("phase 1: max throughput for " + options.duration().toSeconds() + " s");
    PhaseResult max = load.closedLoop("1 max throughput (closed loop)", options.duration());
    PhaseResult half = null;
    double halfRequestsPerSecond =
        options.halfRateSpans() > 0
            ? options.halfRateSpans() / (double) options.batchSize()
            : max.okRequests / Math.max(1e-9, max.seconds()) / 2;
    if (!options.halfRateDuration().isZero() && halfRequestsPerSecond > 0) {
      report.progress(
          String.format(
              "phase 2: open loop at %,.0f spans/s for %d s",
              halfRequestsPerSecond * options.batchSize(), options.halfRateDuration().toSeconds()));
      half =
          load.openLoop(
              "2 half rate (open loop)", options.halfRateDuration(), halfRequestsPerSecond);
    }
    String loadAfterHttp = loadAverage();
    KafkaRawBaseline.Result kafka = null;
    KafkaRawBaseline.Result kafkaBigBatches = null;
    if (!options.kafkaDuration().isZero()) {
      report.progress(
          "phase 3: raw Kafka producer for " + options.kafkaDuration().toSeconds() + " s");
      try {
        List<IngestTopicSample.RawRecord> sample =
            IngestTopicSample.read(options.bootstrap(), 5_000, 2_000);
        if (sample.isEmpty()) {
          sample = syntheticRecords(batches.get(0).body());
          report.progress("no span events on the ingest topic: using synthetic 1 KB records");
        }
        kafka =
            KafkaRawBaseline.run(
                options.bootstrap(),
                sample,
                options.kafkaDuration(),
                KafkaRawBaseline.PUBLISHER_BATCH_BYTES,
                options.concurrency());
        report.progress("phase 3b: the same with batch.size 1 MiB");
        kafkaBigBatches =
            KafkaRawBaseline.run(
                options.bootstrap(),
                sample,
                options.kafkaDuration(),
                1 << 20,
                options.concurrency());
      } catch (KafkaException | ExecutionException e) {
        // The HTTP numbers are still worth printing when the broker is not reachable from here.
        report.progress("phase 3 failed (is --bootstrap right?): " + e);
      }
    }
    report.print(max, half, kafka, kafkaBigBatches, loadAfterHttp, loadAverage());
  }

  // Slices of a serialized request: text-like bytes that compress about like real events.
  private static List<IngestTopicSample.RawRecord> syntheticRecords(byte[] source) {
    List<IngestTopicSample.RawRecord> records = new ArrayList<>();
    for (int i = 0; i + 1024 <= source.length && records.size() < 100; i += 997) {
      byte[] value = Arrays.copyOfRange(source, i, i + 1024);
      records.add(
          new IngestTopicSample.RawRecord(("demo/" + i).getBytes(StandardCharsets.UTF_8), value));
    }
    return records;
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
