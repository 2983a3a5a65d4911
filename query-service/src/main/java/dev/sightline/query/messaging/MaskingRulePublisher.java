package dev.sightline.query.messaging;

import dev.sightline.query.config.QueryConfig;
import dev.sightline.query.domain.MaskingRuleSet;
import dev.sightline.schemas.avro.MaskingRule;
import dev.sightline.schemas.topics.Topics;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Pushes per-project masking rule sets to their compacted topic, keyed by project id. */
@ApplicationScoped
public class MaskingRulePublisher {

  @Inject QueryConfig config;

  private AckedProducer<String, dev.sightline.schemas.avro.MaskingRuleSet> producer;

  @PostConstruct
  void init() {
    producer =
        new AckedProducer<>(
            Topics.MASKING_RULES,
            config.kafka().bootstrapServers(),
            config.admin().publishTimeout());
  }

  /**
   * Publishes the sets and waits until the broker has acknowledged all of them.
   *
   * @throws IllegalStateException if that takes longer than {@code timeout}
   */
  public void publish(Collection<MaskingRuleSet> sets, Duration timeout) {
    Map<String, dev.sightline.schemas.avro.MaskingRuleSet> records = new LinkedHashMap<>();
    sets.forEach(s -> records.put(s.projectId(), record(s)));
    producer.sendAll(records, timeout);
  }

  /** The record for one project's rules, in their order. */
  public static dev.sightline.schemas.avro.MaskingRuleSet record(MaskingRuleSet set) {
    return dev.sightline.schemas.avro.MaskingRuleSet.newBuilder()
        .setProjectId(set.projectId())
        .setRules(
            set.rules().stream()
                .map(
                    r -> MaskingRule.newBuilder().setName(r.name()).setPattern(r.pattern()).build())
                .toList())
        .setUpdatedAtMicros(KeyPublisher.micros(set.updatedAt()))
        .build();
  }

  void close(@Observes ShutdownEvent event) {
    producer.close();
  }
}
