package dev.sightline.clickhouse;

import java.time.Duration;

/** The real ClickHouse that ./sightline test starts, with a fresh database per test class. */
final class TestClickHouse {

  private TestClickHouse() {}

  static ClickHouseClient freshDatabase(String prefix) {
    String url = System.getProperty("sightline.clickhouse.url", "http://127.0.0.1:8123");
    String db = prefix + "_" + Long.toHexString(System.nanoTime());
    return new ClickHouseClient(url, db, Duration.ofSeconds(30));
  }

  static void drop(ClickHouseClient client) {
    client.dropDatabaseIfExists();
  }
}
