package dev.sightline.bench.e2e;

import java.io.IOException;
import java.time.Duration;

/** Finds the keys' project from the first row this run stored; demo.env does not name it. */
final class ProjectLookup {

  private ProjectLookup() {}

  /** Waits up to {@code patience} for a row of {@code run} and returns its project id. */
  static String find(ClickHouseHttp clickHouse, TraceRange run, Duration patience)
      throws IOException, InterruptedException {
    long giveUp = System.nanoTime() + patience.toNanos();
    while (true) {
      // Without project_id the key range cannot be used, but this runs once per bench run.
      String id =
          clickHouse
              .query("SELECT project_id FROM observations WHERE " + run.sql() + " LIMIT 1")
              .trim();
      if (!id.isEmpty()) {
        return id;
      }
      if (System.nanoTime() > giveUp) {
        throw new IOException(
            "no row of this run reached ClickHouse within "
                + patience.toSeconds()
                + " s: is enrich-service running, and is --database right?");
      }
      Thread.sleep(1_000);
    }
  }
}
