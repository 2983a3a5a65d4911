package dev.sightline.bench.query;

import java.io.IOException;
import java.net.URI;
import java.util.function.IntFunction;

/** Runs one query repeatedly through query-service's REST API, after two unmeasured warm-ups. */
final class QueryRunner {

  private final URI base;
  private final String authorization;
  private final int runs;

  QueryRunner(URI base, String authorization, int runs) {
    this.base = base;
    this.authorization = authorization;
    this.runs = runs;
  }

  /**
   * Times {@code runs} GETs of the path run {@code i} gives (varying ids and terms so that no run
   * reads only what the previous one left in ClickHouse's caches).
   */
  QueryTiming time(String name, String what, IntFunction<String> pathOfRun) {
    double[] millis = new double[runs];
    try {
      for (int i = -2; i < runs; i++) {
        URI uri = URI.create(base + pathOfRun.apply(Math.floorMod(i, runs)));
        long start = System.nanoTime();
        Http.get(uri, authorization);
        if (i >= 0) {
          millis[i] = (System.nanoTime() - start) / 1e6;
        }
      }
      return new QueryTiming(name, what, millis, null);
    } catch (IOException | RuntimeException e) {
      return QueryTiming.failed(name, what, e.getMessage());
    }
  }
}
