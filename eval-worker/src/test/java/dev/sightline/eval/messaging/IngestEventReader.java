package dev.sightline.eval.messaging;

import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the ingest topic from the beginning without a group, keeping one project's events. */
final class IngestEventReader implements AutoCloseable {

  private static final Deserializer<IngestEvent> DECODER =
      Topics.INGEST_EVENTS.valueSerde().deserializer();

  private final KafkaConsumer<String, byte[]> consumer;
  private final String keyPrefix;
  private final List<ConsumerRecord<String, IngestEvent>> seen = new ArrayList<>();

  IngestEventReader(String bootstrapServers, String projectId) {
    this.keyPrefix = Topics.traceKey(projectId, "");
    this.consumer =
        new KafkaConsumer<>(
            Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(Topics.INGEST_EVENTS.name()).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Polls once more and returns every event of the project read so far. */
  List<ConsumerRecord<String, IngestEvent>> poll() {
    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
      // Other tests share the topic and may write anything; decode only this project's keys.
      if (r.key() != null && r.key().startsWith(keyPrefix)) {
        IngestEvent event = DECODER.deserialize(r.topic(), r.value());
        seen.add(new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.key(), event));
      }
    }
    return List.copyOf(seen);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
