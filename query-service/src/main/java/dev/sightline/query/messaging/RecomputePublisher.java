package dev.sightline.query.messaging;

import dev.sightline.query.config.QueryConfig;
import dev.sightline.query.domain.recompute.Recompute;
import dev.sightline.schemas.avro.CostRecomputeRequest;
import dev.sightline.schemas.topics.Topics;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;

/** Pushes cost recompute requests to enrich, keyed by project id, and waits for the ack. */
@ApplicationScoped
public class RecomputePublisher {

  @Inject QueryConfig config;

  private AckedProducer<String, CostRecomputeRequest> producer;

  @PostConstruct
  void init() {
    producer =
        new AckedProducer<>(
            Topics.COST_RECOMPUTES,
            config.kafka().bootstrapServers(),
            config.admin().publishTimeout());
  }

  /**
   * Publishes the request (a pending recompute; enrich waits for prices updated at {@code
   * pricesUpdatedAt}) and waits until the broker acknowledged it.
   *
   * @throws IllegalStateException if that takes longer than the admin publish timeout
   */
  public void publish(Recompute pending, Instant pricesUpdatedAt) {
    CostRecomputeRequest request =
        new CostRecomputeRequest(
            pending.id(),
            pending.projectId(),
            KeyPublisher.micros(pending.from()),
            KeyPublisher.micros(pending.to()),
            KeyPublisher.micros(pending.requestedAt()),
            KeyPublisher.micros(pricesUpdatedAt));
    producer.sendAll(Map.of(request.getProjectId(), request), config.admin().publishTimeout());
  }

  void close(@Observes ShutdownEvent event) {
    producer.close();
  }
}
