package dev.sightline.query.storage;

import dev.sightline.clickhouse.ClickHouseClient;
import dev.sightline.query.config.QueryConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the one ClickHouse HTTP client of the service injectable. */
public class ClickHouseClientProducer {

  @Produces
  @Singleton
  ClickHouseClient clickHouseClient(QueryConfig config) {
    QueryConfig.ClickHouse ch = config.clickhouse();
    return new ClickHouseClient(ch.url(), ch.database(), ch.requestTimeout());
  }
}
