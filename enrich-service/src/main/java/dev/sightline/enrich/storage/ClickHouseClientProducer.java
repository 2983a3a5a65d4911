package dev.sightline.enrich.storage;

import dev.sightline.clickhouse.ClickHouseClient;
import dev.sightline.enrich.config.EnrichConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the one thread-safe ClickHouse client injectable. */
@ApplicationScoped
public class ClickHouseClientProducer {

  @Produces
  @Singleton
  ClickHouseClient clickHouseClient(EnrichConfig config) {
    return new ClickHouseClient(
        config.clickhouse().url(),
        config.clickhouse().database(),
        config.clickhouse().requestTimeout());
  }
}
