package dev.sightline.ingest.api;

import dev.sightline.ingest.messaging.ApiKeyFeed;
import dev.sightline.ingest.messaging.KafkaReachability;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once every key present at start-up is loaded and a Kafka broker answers. */
@Readiness
@ApplicationScoped
public class IngestReadiness implements HealthCheck {

  @Inject ApiKeyFeed keyFeed;
  @Inject KafkaReachability kafka;

  @Override
  public HealthCheckResponse call() {
    boolean keys = keyFeed.caughtUp();
    boolean broker = kafka.reachable();
    return HealthCheckResponse.named("ingest")
        .status(keys && broker)
        .withData("apiKeysLoaded", keys)
        .withData("kafkaReachable", broker)
        .build();
  }
}
