package dev.sightline.query.messaging;

import dev.sightline.schemas.topics.Topic;
import java.time.Duration;
import java.util.ArrayList;
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

/** A producer for one control-plane topic that returns only once the broker acknowledged. */
final class AckedProducer<K, V> implements AutoCloseable {

  private final Topic<K, V> topic;
  private final String bootstrapServers;
  private final Duration maxBlock;
  private Producer<K, V> producer;

  /**
   * @param maxBlock how long {@code send} may block on missing metadata (a broker that is down)
   */
  AckedProducer(Topic<K, V> topic, String bootstrapServers, Duration maxBlock) {
    this.topic = topic;
    this.bootstrapServers = bootstrapServers;
    this.maxBlock = maxBlock;
  }

  /**
   * Sends the values under their keys and waits for every acknowledgement.
   *
   * @throws IllegalStateException if one is not acknowledged within {@code timeout}
   */
  void sendAll(Map<K, V> records, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
      for (Map.Entry<K, V> r : records.entrySet()) {
        sent.add(producer().send(new ProducerRecord<>(topic.name(), r.getKey(), r.getValue())));
      }
      for (Future<RecordMetadata> f : sent) {
        f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while pushing to " + topic.name(), e);
    } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException e) {
      throw new IllegalStateException(
          "could not push to "
              + topic.name()
              + " at "
              + bootstrapServers
              + " — is the broker up? (./sightline status)",
          e);
    }
  }

  private synchronized Producer<K, V> producer() {
    if (producer == null) {
      producer =
          new KafkaProducer<>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  bootstrapServers,
                  ProducerConfig.ACKS_CONFIG,
                  "all",
                  ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                  true,
                  ProducerConfig.MAX_BLOCK_MS_CONFIG,
                  (int) maxBlock.toMillis(),
                  ProducerConfig.CLIENT_ID_CONFIG,
                  "query-service-" + topic.name()),
              topic.keySerde().serializer(),
              topic.valueSerde().serializer());
    }
    return producer;
  }

  @Override
  public synchronized void close() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
    }
  }
}
