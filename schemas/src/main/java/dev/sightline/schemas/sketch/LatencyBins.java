package dev.sightline.schemas.sketch;

/**
 * A latency sketch as plain columns: the positive store's bins (index, count) in ascending index
 * order and the count of zero latencies. Sums of these arrays by index (ClickHouse {@code sumMap})
 * are the bins of the merged sketch, so a database can merge sketches without knowing DDSketch.
 */
public record LatencyBins(int[] indexes, double[] counts, double zeroCount) {

  public LatencyBins {
    if (indexes.length != counts.length) {
      throw new IllegalArgumentException(
          "indexes and counts differ in length: " + indexes.length + " vs " + counts.length);
    }
  }

  /** Whether no latency was counted. */
  public boolean isEmpty() {
    return indexes.length == 0 && zeroCount == 0;
  }
}
