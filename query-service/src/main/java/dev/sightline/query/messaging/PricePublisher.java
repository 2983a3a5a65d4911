package dev.sightline.query.messaging;

import dev.sightline.query.config.QueryConfig;
import dev.sightline.query.domain.price.ModelPriceVersion;
import dev.sightline.schemas.avro.ModelPrice;
import dev.sightline.schemas.avro.PriceTier;
import dev.sightline.schemas.avro.UsagePrice;
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

/** Pushes model price versions to their compacted topic, keyed by price id, for enrich. */
@ApplicationScoped
public class PricePublisher {

  @Inject QueryConfig config;

  private AckedProducer<String, ModelPrice> producer;

  @PostConstruct
  void init() {
    producer =
        new AckedProducer<>(
            Topics.MODEL_PRICES,
            config.kafka().bootstrapServers(),
            config.admin().publishTimeout());
  }

  /**
   * Publishes the versions and waits until the broker has acknowledged all of them.
   *
   * @throws IllegalStateException if that takes longer than {@code timeout}
   */
  public void publish(Collection<ModelPriceVersion> versions, Duration timeout) {
    Map<String, ModelPrice> records = new LinkedHashMap<>();
    versions.forEach(v -> records.put(v.priceId(), record(v)));
    producer.sendAll(records, timeout);
  }

  /** The record of one version; deleted versions keep their prices and say {@code deleted}. */
  public static ModelPrice record(ModelPriceVersion v) {
    return ModelPrice.newBuilder()
        .setPriceId(v.priceId())
        .setProjectId(v.projectId())
        .setModelPattern(v.modelPattern())
        .setProvider(v.provider())
        .setEffectiveFromMicros(KeyPublisher.micros(v.effectiveFrom()))
        .setPrices(
            v.prices().stream()
                .map(
                    p ->
                        UsagePrice.newBuilder()
                            .setUsageType(p.usageType())
                            .setUsdPerMillionTokens(p.usdPerMillionTokens())
                            .setTiers(
                                p.tiers().stream()
                                    .map(
                                        t ->
                                            PriceTier.newBuilder()
                                                .setAboveTokens(t.aboveTokens())
                                                .setUsdPerMillionTokens(t.usdPerMillionTokens())
                                                .build())
                                    .toList())
                            .build())
                .toList())
        .setDeleted(v.deleted())
        .setUpdatedAtMicros(KeyPublisher.micros(v.updatedAt()))
        .build();
  }

  void close(@Observes ShutdownEvent event) {
    producer.close();
  }
}
