package dev.sightline.query.storage;

import dev.sightline.clickhouse.ClickHouseClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while ClickHouse answers, since every trace read goes there. */
@Readiness
@ApplicationScoped
public class ClickHouseReadiness implements HealthCheck {

  @Inject ClickHouseClient clickHouse;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("clickhouse").status(clickHouse.ping()).build();
  }
}
