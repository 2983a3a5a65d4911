package dev.sightline.enrich;

import dev.sightline.schemas.topics.Topic;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Writes test records to the real broker, acknowledged by all replicas before it returns. */
final class TestRecords {

  private TestRecords() {}

  @SafeVarargs
  static <V> void send(String bootstrapServers, Topic<String, V> topic, String key, V... values) {
    try (KafkaProducer<String, V> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all"),
            topic.keySerde().serializer(),
            topic.valueSerde().serializer())) {
      for (V value : values) {
        producer.send(new ProducerRecord<>(topic.name(), key, value));
      }
      producer.flush();
    }
  }
}
