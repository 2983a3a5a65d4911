package dev.sightline.enrich.streams;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Always up; publishes the merge counters (late events are kept, and counted here). */
@Liveness
@ApplicationScoped
public class MergeHealthCheck implements HealthCheck {

  private final MergeMetrics metrics;

  MergeHealthCheck(MergeMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("enrich-merge")
        .withData("lateEvents", metrics.lateEvents())
        .withData("flushedWithoutCreate", metrics.flushedWithoutCreate())
        .withData("expiredStates", metrics.expiredStates())
        .up()
        .build();
  }
}
