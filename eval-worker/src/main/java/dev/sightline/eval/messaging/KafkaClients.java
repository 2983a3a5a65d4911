package dev.sightline.eval.messaging;

import dev.sightline.eval.config.EvalConfig;
import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.topics.Topics;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Builds the worker's Kafka consumer and producer from its configuration. */
public final class KafkaClients {

  private KafkaClients() {}

  /**
   * A consumer of raw values, so an undecodable record is skipped on its own instead of failing the
   * whole poll.
   */
  public static Consumer<String, byte[]> consumer(EvalConfig config) {
    Map<String, Object> props =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            config.kafka().bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            config.eval().groupId(),
            ConsumerConfig.CLIENT_ID_CONFIG,
            "sightline-eval-worker-consumer",
            // Offsets are committed by hand, only after the scores were acknowledged.
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            config.eval().autoOffsetReset().kafkaValue(),
            // Enrich may write transactionally (exactly_once_v2); never evaluate aborted records.
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            // Each poll ends in a producer flush and an offset commit: under load, let the broker
            // gather up to 256 KiB or 250 ms per fetch instead of answering every few records.
            // Scores are not on anyone's ack path; a quarter second later is fine.
            ConsumerConfig.FETCH_MIN_BYTES_CONFIG,
            256 * 1024,
            ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
            250);
    return new KafkaConsumer<>(
        props, Topics.ENRICHED_OBSERVATIONS.keySerde().deserializer(), new ByteArrayDeserializer());
  }

  /** An idempotent producer that waits for all in-sync replicas. */
  public static Producer<String, IngestEvent> producer(EvalConfig config) {
    Map<String, Object> props =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            config.kafka().bootstrapServers(),
            ProducerConfig.CLIENT_ID_CONFIG,
            "sightline-eval-worker-producer",
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.LINGER_MS_CONFIG,
            5);
    return new KafkaProducer<>(
        props,
        Topics.INGEST_EVENTS.keySerde().serializer(),
        Topics.INGEST_EVENTS.valueSerde().serializer());
  }
}
