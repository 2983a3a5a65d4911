package dev.sightline.ingest.messaging;

import dev.sightline.ingest.domain.KeyRegistry;
import dev.sightline.schemas.avro.ApiKeyRecord;
import dev.sightline.schemas.topics.TopicProvisioner;
import dev.sightline.schemas.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Reads the compacted keys topic from the beginning, forever, into a {@link KeyRegistry}.
 *
 * <p>No consumer group: every ingest instance needs every key, and there are no offsets to commit
 * because each start replays the (compacted, small) topic. The thread first provisions the topics,
 * retrying, so the service starts even while Kafka is down and just stays not-ready.
 */
public final class ApiKeyFeed implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ApiKeyFeed.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final String bootstrapServers;
  private final Duration provisionTimeout;
  private final KeyRegistry registry;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean caughtUp;
  private volatile KafkaConsumer<String, ApiKeyRecord> consumer;

  /** A feed that fills the registry once {@link #start()} is called. */
  public ApiKeyFeed(String bootstrapServers, Duration provisionTimeout, KeyRegistry registry) {
    this.bootstrapServers = bootstrapServers;
    this.provisionTimeout = provisionTimeout;
    this.registry = registry;
    this.thread = new Thread(this::run, "sightline-api-key-feed");
    this.thread.setDaemon(true);
  }

  /** Starts the background thread. */
  public void start() {
    thread.start();
  }

  /** Whether every key that existed when the feed started has been read. */
  public boolean caughtUp() {
    return caughtUp;
  }

  private void run() {
    while (running && !provisioned()) {
      pause(Duration.ofSeconds(2));
    }
    if (!running) {
      return;
    }
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG,
                "sightline-ingest-api-keys",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            Topics.API_KEYS.keySerde().deserializer(),
            AvroDeserializers.of(ApiKeyRecord.class));
    try {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.API_KEYS.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> endAtStart = consumer.endOffsets(partitions);
      while (running) {
        pollOnce();
        if (!caughtUp
            && endAtStart.entrySet().stream().allMatch(e -> reached(e.getKey(), e.getValue()))) {
          caughtUp = true;
          LOG.infof("API keys loaded: %d active", registry.size());
        }
      }
    } catch (WakeupException e) {
      // close() asked us to stop.
    } catch (RuntimeException e) {
      LOG.error("API key feed stopped; ingestion will answer 503 until restart", e);
      caughtUp = false;
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  private void pollOnce() {
    try {
      for (ConsumerRecord<String, ApiKeyRecord> r : consumer.poll(POLL)) {
        registry.apply(r.key(), r.value());
      }
    } catch (RecordDeserializationException e) {
      // One undecodable key record must not block every later key update.
      LOG.warnf(
          "skipping undecodable API key record at %s@%d: %s",
          e.topicPartition(), e.offset(), e.getMessage());
      consumer.seek(e.topicPartition(), e.offset() + 1);
    }
  }

  private boolean reached(TopicPartition partition, long endOffset) {
    return consumer.position(partition) >= endOffset;
  }

  private boolean provisioned() {
    try {
      TopicProvisioner.ensureAll(bootstrapServers, provisionTimeout);
      return true;
    } catch (RuntimeException e) {
      LOG.warnf("cannot provision Kafka topics yet, retrying: %s", e.getMessage());
      return false;
    }
  }

  private void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    KafkaConsumer<String, ApiKeyRecord> c = consumer;
    if (c != null) {
      c.wakeup();
    } else {
      // Still provisioning topics: cut the pause short (interrupting a consumer would break close).
      thread.interrupt();
    }
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
