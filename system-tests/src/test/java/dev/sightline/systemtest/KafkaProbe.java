package dev.sightline.systemtest;

import static org.awaitility.Awaitility.await;

import dev.sightline.schemas.avro.DeadLetter;
import dev.sightline.schemas.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Writes raw records to and reads dead letters and committed offsets from a test's broker. */
final class KafkaProbe {

  private final String bootstrap;

  KafkaProbe(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  /** Produces {@code value} as is to one partition and returns its offset. */
  long produceRaw(TopicPartition partition, byte[] key, byte[] value) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      return producer
          .send(new ProducerRecord<>(partition.topic(), partition.partition(), key, value))
          .get()
          .offset();
    }
  }

  /** Waits (bounded) for the dead letter of the record at {@code source}/{@code offset}. */
  DeadLetter awaitDeadLetter(TopicPartition source, long offset, Duration atMost) {
    AtomicReference<DeadLetter> found = new AtomicReference<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.DEAD_LETTERS.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      var deserializer = Topics.DEAD_LETTERS.valueSerde().deserializer();
      await("dead letter of " + source + "@" + offset)
          .atMost(atMost)
          .until(
              () -> {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                  DeadLetter letter = deserializer.deserialize(r.topic(), r.value());
                  if (source.topic().equals(letter.getSourceTopic().toString())
                      && letter.getPartition() == source.partition()
                      && letter.getOffset() == offset) {
                    found.set(letter);
                  }
                }
                return found.get() != null;
              });
    }
    return found.get();
  }

  /** The offset {@code group} committed for {@code partition}, or -1 when none. */
  long committedOffset(String group, TopicPartition partition) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      OffsetAndMetadata committed =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get()
              .get(partition);
      return committed == null ? -1 : committed.offset();
    }
  }
}
