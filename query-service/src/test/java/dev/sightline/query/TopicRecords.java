package dev.sightline.query;

import static org.awaitility.Awaitility.await;

import dev.sightline.schemas.topics.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads a shared topic from given offsets and waits for values of one key. */
final class TopicRecords<K, V> {

  private final Topic<K, V> topic;
  private final String bootstrapServers;

  TopicRecords(Topic<K, V> topic, String bootstrapServers) {
    this.topic = topic;
    this.bootstrapServers = bootstrapServers;
  }

  /** The current end offset of every partition, to read only what comes after it. */
  Map<TopicPartition, Long> endOffsets() {
    try (KafkaConsumer<K, V> consumer = consumer()) {
      return consumer.endOffsets(partitions(consumer));
    }
  }

  /** Values under {@code key} from {@code from} (or the beginning) until one matches. */
  List<V> awaitValues(K key, Map<TopicPartition, Long> from, Predicate<V> until) {
    List<V> values = new ArrayList<>();
    try (KafkaConsumer<K, V> consumer = consumer()) {
      List<TopicPartition> partitions = partitions(consumer);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      if (from != null) {
        from.forEach(consumer::seek);
      }
      await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () -> {
                for (ConsumerRecord<K, V> r : consumer.poll(Duration.ofMillis(300))) {
                  if (key.equals(r.key())) {
                    values.add(r.value());
                  }
                }
                return values.stream().anyMatch(until);
              });
    }
    return values;
  }

  private KafkaConsumer<K, V> consumer() {
    return new KafkaConsumer<>(
        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
        topic.keySerde().deserializer(),
        topic.valueSerde().deserializer());
  }

  private List<TopicPartition> partitions(KafkaConsumer<K, V> consumer) {
    return consumer.partitionsFor(topic.name()).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition()))
        .toList();
  }
}
