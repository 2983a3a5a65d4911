package dev.sightline.bench.e2e;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * ClickHouse's own rate for the rows the sink wrote: this run's {@code observations} rows, read
 * back as JSONEachRow (the sink's columns and encodings, unquoted 64-bit integers as the sink
 * writes them), inserted again into a scratch copy of the table from one thread in batches of the
 * sink's size. Only the INSERT requests are timed.
 */
final class RawInsert {

  /** Scratch table with the structure and engine of {@code observations}; dropped afterwards. */
  static final String TABLE = "bench_raw_observations";

  /** ClickHouse's pid file name under {@code ./sightline}'s pids directory. */
  static final String CLICKHOUSE = "clickhouse";

  /**
   * What the inserts took.
   *
   * @param rows rows inserted
   * @param distinctRows distinct rows read back (repeated when the run stored fewer than asked)
   * @param bytes JSONEachRow bytes sent
   * @param seconds time spent in INSERT requests
   * @param clickHouseCpuSeconds ClickHouse's CPU from the first INSERT to the last answer (its
   *     merges meanwhile included, later ones not); NaN when its process could not be read
   */
  record Result(
      long rows, long distinctRows, long bytes, double seconds, double clickHouseCpuSeconds) {
    double rowsPerSecond() {
      return rows / seconds;
    }

    /** ClickHouse's CPU per inserted row: the floor of its share of a span's cost. */
    double clickHouseMicrosPerRow() {
      return clickHouseCpuSeconds * 1e6 / rows;
    }
  }

  private RawInsert() {}

  /**
   * Replays this run's rows.
   *
   * @param cpu the stack's processes, of which {@code clickhouse} is read before and after
   */
  static Result run(
      ClickHouseHttp clickHouse,
      ProcessCpu cpu,
      String projectId,
      TraceRange run,
      int rows,
      int batchRows)
      throws IOException {
    Path file = Files.createTempFile("sightline-bench-raw", ".jsonl");
    try {
      String where = "project_id = '" + projectId + "'";
      clickHouse.selectToFile(
          "SELECT * FROM observations WHERE " + where + " AND " + run.sql() + " LIMIT " + rows,
          file);
      if (Files.size(file) == 0) {
        // Nothing stored by this run (its load phases were skipped): any rows of the project.
        clickHouse.selectToFile(
            "SELECT * FROM observations WHERE " + where + " LIMIT " + rows, file);
      }
      if (Files.size(file) == 0) {
        throw new IOException("no observations of project " + projectId + " to replay");
      }
      clickHouse.query("DROP TABLE IF EXISTS " + TABLE);
      clickHouse.query("CREATE TABLE " + TABLE + " AS observations");
      try {
        return insert(clickHouse, cpu, file, rows, batchRows);
      } finally {
        clickHouse.query("DROP TABLE IF EXISTS " + TABLE);
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static Result insert(
      ClickHouseHttp clickHouse, ProcessCpu cpu, Path file, int rows, int batchRows)
      throws IOException {
    long ticksBefore = cpu.ticksOf(CLICKHOUSE);
    ByteArrayOutputStream batch = new ByteArrayOutputStream(batchRows * 2048);
    long sent = 0;
    long bytes = 0;
    long distinct = 0;
    long nanos = 0;
    int inBatch = 0;
    while (sent + inBatch < rows) {
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        long before = sent + inBatch;
        for (String line = in.readLine();
            line != null && sent + inBatch < rows;
            line = in.readLine()) {
          batch.writeBytes(line.getBytes(StandardCharsets.UTF_8));
          batch.write('\n');
          if (++inBatch == batchRows) {
            nanos += timedInsert(clickHouse, batch);
            bytes += batch.size();
            sent += inBatch;
            inBatch = 0;
            batch.reset();
          }
        }
        distinct = Math.max(distinct, sent + inBatch - before);
      }
    }
    if (inBatch > 0) {
      nanos += timedInsert(clickHouse, batch);
      bytes += batch.size();
      sent += inBatch;
    }
    long ticksAfter = cpu.ticksOf(CLICKHOUSE);
    double cpuSeconds =
        ticksBefore < 0 || ticksAfter < 0
            ? Double.NaN
            : (ticksAfter - ticksBefore) / ProcessCpu.TICKS_PER_SECOND;
    return new Result(sent, distinct, bytes, nanos / 1e9, cpuSeconds);
  }

  private static long timedInsert(ClickHouseHttp clickHouse, ByteArrayOutputStream batch)
      throws IOException {
    byte[] body = batch.toByteArray();
    long start = System.nanoTime();
    clickHouse.insertJsonEachRow(TABLE, body, body.length);
    return System.nanoTime() - start;
  }
}
