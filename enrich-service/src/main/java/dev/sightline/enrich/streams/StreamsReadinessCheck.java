package dev.sightline.enrich.streams;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the enrichment streams run; the extension reports their state only for liveness. */
@Readiness
@ApplicationScoped
public class StreamsReadinessCheck implements HealthCheck {

  @Inject KafkaStreams streams;

  @Override
  public HealthCheckResponse call() {
    KafkaStreams.State state = streams.state();
    // A rebalance is routine (an instance joined or left), not a reason to take traffic away.
    boolean up = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
    return HealthCheckResponse.named("kafka-streams-state")
        .withData("state", state.name())
        .status(up)
        .build();
  }
}
