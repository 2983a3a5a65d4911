package dev.sightline.bench.query;

import java.util.Arrays;

/**
 * The latencies of one named query over repeated runs; percentiles by nearest rank.
 *
 * @param error why the query could not be measured, or null
 */
record QueryTiming(String name, String what, double[] millis, String error) {

  static QueryTiming failed(String name, String what, String error) {
    return new QueryTiming(name, what, new double[0], error);
  }

  double percentile(double p) {
    if (millis.length == 0) {
      return Double.NaN;
    }
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
