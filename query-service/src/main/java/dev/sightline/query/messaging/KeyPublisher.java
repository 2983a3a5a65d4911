package dev.sightline.query.messaging;

import dev.sightline.query.config.QueryConfig;
import dev.sightline.query.domain.ApiKey;
import dev.sightline.schemas.avro.ApiKeyRecord;
import dev.sightline.schemas.avro.KeyScope;
import dev.sightline.schemas.topics.Topics;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Pushes API keys to the compacted keys topic, which is how ingest-service learns them without
 * reading PostgreSQL; called at start-up for every key and after every key change.
 */
@ApplicationScoped
public class KeyPublisher {

  @Inject QueryConfig config;

  private volatile Producer<String, ApiKeyRecord> producer;

  /** Publishes the keys and waits until the broker has acknowledged all of them. */
  public void publish(Collection<ApiKey> keys) {
    List<Future<RecordMetadata>> sent = new ArrayList<>(keys.size());
    for (ApiKey key : keys) {
      sent.add(
          producer()
              .send(new ProducerRecord<>(Topics.API_KEYS.name(), key.publicKey(), record(key))));
    }
    long timeoutMs = config.kafka().startupTimeout().toMillis();
    try {
      for (Future<RecordMetadata> f : sent) {
        f.get(timeoutMs, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while pushing API keys", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "could not push API keys to "
              + Topics.API_KEYS.name()
              + " at "
              + config.kafka().bootstrapServers()
              + " — is the broker up? (./sightline status)",
          e);
    }
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

  private static long micros(Instant at) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, at);
  }

  private synchronized Producer<String, ApiKeyRecord> producer() {
    if (producer == null) {
      producer =
          new KafkaProducer<>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  config.kafka().bootstrapServers(),
                  ProducerConfig.ACKS_CONFIG,
                  "all",
                  ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                  true,
                  ProducerConfig.CLIENT_ID_CONFIG,
                  "query-service-key-publisher"),
              Topics.API_KEYS.keySerde().serializer(),
              Topics.API_KEYS.valueSerde().serializer());
    }
    return producer;
  }

  void close(@Observes ShutdownEvent event) {
    Producer<String, ApiKeyRecord> p = producer;
    if (p != null) {
      p.close();
    }
  }
}
