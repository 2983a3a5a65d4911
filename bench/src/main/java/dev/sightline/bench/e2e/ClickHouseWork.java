package dev.sightline.bench.e2e;

import java.io.IOException;

/**
 * ClickHouse's own counters of bytes written by inserts and rewritten by background merges
 * (uncompressed, server-wide since it started). Their difference over a step shows how much of
 * ClickHouse's CPU went to merging the parts that the step's inserts created.
 *
 * @param insertedBytes {@code MergeTreeDataWriterUncompressedBytes}: parts written by inserts,
 *     materialized views included
 * @param mergedBytes {@code MergedUncompressedBytes}: bytes read by merges
 */
record ClickHouseWork(long insertedBytes, long mergedBytes) {

  static final String SQL =
      "SELECT sumIf(value, event = 'MergeTreeDataWriterUncompressedBytes'),"
          + " sumIf(value, event = 'MergedUncompressedBytes') FROM system.events";

  /** The counters now; null when they cannot be read (the step's figures then say n/a). */
  static ClickHouseWork read(ClickHouseHttp clickHouse) {
    try {
      return parse(clickHouse.query(SQL));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** One TabSeparated row of {@link #SQL}. */
  static ClickHouseWork parse(String tsv) {
    String[] f = tsv.trim().split("\t");
    return new ClickHouseWork(Long.parseLong(f[0]), Long.parseLong(f[1]));
  }

  /** What happened between {@code before} and this reading. */
  ClickHouseWork since(ClickHouseWork before) {
    return new ClickHouseWork(
        insertedBytes - before.insertedBytes, mergedBytes - before.mergedBytes);
  }

  /** Bytes merged per byte inserted; NaN when nothing was inserted. */
  double mergeAmplification() {
    return insertedBytes == 0 ? Double.NaN : (double) mergedBytes / insertedBytes;
  }
}
