package dev.sightline.bench;

import dev.sightline.schemas.avro.EventKind;
import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The last span events ingest wrote (raw key and value bytes), to replay their exact sizes and
 * compressibility. Score events (eval-worker writes them to the same topic) are skipped.
 */
final class IngestTopicSample {

  /** A record as it sits on the broker, before compression. */
  record RawRecord(byte[] key, byte[] value) {
    int size() {
      return key.length + value.length;
    }
  }

  private IngestTopicSample() {}

  /**
   * Up to {@code wanted} OBSERVATION and TRACE events from the last {@code perPartition} records of
   * every ingest-events partition.
   */
  static List<RawRecord> read(String bootstrap, int perPartition, int wanted) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    List<RawRecord> sample = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      String topic = Topics.INGEST_EVENTS.name();
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long available = 0;
      for (TopicPartition tp : partitions) {
        long end = ends.get(tp);
        long from = Math.max(0, end - perPartition);
        available += end - from;
        consumer.seek(tp, from);
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      Deserializer<IngestEvent> decoder = Topics.INGEST_EVENTS.valueSerde().deserializer();
      long seen = 0;
      while (seen < available && sample.size() < wanted && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          seen++;
          if (r.key() != null
              && r.value() != null
              && sample.size() < wanted
              && isSpanEvent(decoder, r)) {
            sample.add(new RawRecord(r.key(), r.value()));
          }
        }
      }
    }
    return sample;
  }

  private static boolean isSpanEvent(
      Deserializer<IngestEvent> decoder, ConsumerRecord<byte[], byte[]> r) {
    try {
      EventKind kind = decoder.deserialize(r.topic(), r.value()).getKind();
      return kind == EventKind.OBSERVATION || kind == EventKind.TRACE;
    } catch (RuntimeException e) {
      return false; // a record from another schema version or a foreign writer: not ours to size
    }
  }
}
