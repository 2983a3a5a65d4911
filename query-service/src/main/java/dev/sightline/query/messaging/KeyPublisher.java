package dev.sightline.query.messaging;

import dev.sightline.query.config.QueryConfig;
import dev.sightline.query.domain.ApiKey;
import dev.sightline.schemas.avro.ApiKeyRecord;
import dev.sightline.schemas.avro.KeyScope;
import dev.sightline.schemas.topics.Topics;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pushes API keys to the compacted keys topic, which is how ingest-service learns them without
 * reading PostgreSQL; called at start-up for every key and after every key change.
 */
@ApplicationScoped
public class KeyPublisher {

  @Inject QueryConfig config;

  private AckedProducer<String, ApiKeyRecord> producer;

  @PostConstruct
  void init() {
    producer =
        new AckedProducer<>(
            Topics.API_KEYS, config.kafka().bootstrapServers(), config.admin().publishTimeout());
  }

  /** Publishes the keys and waits (start-up timeout) until the broker acknowledged all. */
  public void publish(Collection<ApiKey> keys) {
    publish(keys, config.kafka().startupTimeout());
  }

  /**
   * Publishes the keys and waits until the broker has acknowledged all of them.
   *
   * @throws IllegalStateException if that takes longer than {@code timeout}
   */
  public void publish(Collection<ApiKey> keys, Duration timeout) {
    Map<String, ApiKeyRecord> records = new LinkedHashMap<>();
    keys.forEach(k -> records.put(k.publicKey(), record(k)));
    producer.sendAll(records, timeout);
  }

  /** The record for one key: the secret only as its hash. */
  public static ApiKeyRecord record(ApiKey key) {
    return ApiKeyRecord.newBuilder()
        .setPublicKey(key.publicKey())
        .setProjectId(key.projectId())
        .setSecretSha256(key.secretSha256())
        .setScope(KeyScope.valueOf(key.scope().name()))
        .setRevoked(key.revoked())
        .setUpdatedAtMicros(micros(key.updatedAt()))
        .build();
  }

  static long micros(Instant at) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, at);
  }

  void close(@Observes ShutdownEvent event) {
    producer.close();
  }
}
