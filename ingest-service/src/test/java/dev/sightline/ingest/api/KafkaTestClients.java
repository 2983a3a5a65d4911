package dev.sightline.ingest.api;

import dev.sightline.ingest.domain.SecretHash;
import dev.sightline.schemas.avro.ApiKeyRecord;
import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.avro.KeyScope;
import dev.sightline.schemas.topics.TopicProvisioner;
import dev.sightline.schemas.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/** The test's own Kafka clients: publishes keys like query-service, reads what ingest wrote. */
final class KafkaTestClients implements AutoCloseable {

  private final KafkaProducer<String, ApiKeyRecord> keys;
  private final KafkaConsumer<String, IngestEvent> events;
  private final List<ConsumerRecord<String, IngestEvent>> seen = new CopyOnWriteArrayList<>();

  KafkaTestClients(String bootstrap) {
    // On a fresh broker the app creates the topics in the background; assigning before they exist
    // would leave the consumer with no partitions.
    TopicProvisioner.ensureAll(bootstrap, Duration.ofSeconds(30));
    keys =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all"),
            Topics.API_KEYS.keySerde().serializer(),
            Topics.API_KEYS.valueSerde().serializer());
    events =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            Topics.INGEST_EVENTS.keySerde().deserializer(),
            Topics.INGEST_EVENTS.valueSerde().deserializer());
    List<TopicPartition> partitions =
        events.partitionsFor(Topics.INGEST_EVENTS.name()).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    events.assign(partitions);
    // Other engineers' tests share the topic: start at its end and filter by our project id.
    events.seekToEnd(partitions);
    partitions.forEach(events::position);
  }

  /** Publishes a key the way query-service does, and waits for the broker's ack. */
  void publishKey(String publicKey, String projectId, String secret, boolean revoked)
      throws Exception {
    ApiKeyRecord record =
        ApiKeyRecord.newBuilder()
            .setPublicKey(publicKey)
            .setProjectId(projectId)
            .setSecretSha256(SecretHash.sha256Hex(secret))
            .setScope(KeyScope.ALL)
            .setRevoked(revoked)
            .setUpdatedAtMicros(System.currentTimeMillis() * 1000)
            .build();
    keys.send(new ProducerRecord<>(Topics.API_KEYS.name(), publicKey, record)).get();
  }

  /** Everything read from the ingest topic so far that belongs to the project. */
  synchronized List<ConsumerRecord<String, IngestEvent>> eventsOf(String projectId) {
    for (ConsumerRecord<String, IngestEvent> r : events.poll(Duration.ofMillis(200))) {
      seen.add(r);
    }
    List<ConsumerRecord<String, IngestEvent>> mine = new ArrayList<>();
    for (ConsumerRecord<String, IngestEvent> r : seen) {
      if (r.value() != null && projectId.equals(r.value().getProjectId())) {
        mine.add(r);
      }
    }
    return mine;
  }

  @Override
  public void close() {
    keys.close();
    events.close();
  }
}
