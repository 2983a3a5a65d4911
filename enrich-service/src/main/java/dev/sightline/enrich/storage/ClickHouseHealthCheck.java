package dev.sightline.enrich.storage;

import dev.sightline.clickhouse.ClickHouseClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while ClickHouse answers its ping: without it the sink cannot make progress. */
@Readiness
@ApplicationScoped
public class ClickHouseHealthCheck implements HealthCheck {

  private final ClickHouseClient clickHouse;

  ClickHouseHealthCheck(ClickHouseClient clickHouse) {
    this.clickHouse = clickHouse;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("clickhouse")
        .withData("database", clickHouse.database())
        .status(clickHouse.ping())
        .build();
  }
}
