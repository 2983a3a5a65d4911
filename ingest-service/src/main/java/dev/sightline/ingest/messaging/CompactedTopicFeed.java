package dev.sightline.ingest.messaging;

import dev.sightline.schemas.topics.Topic;
import dev.sightline.schemas.topics.TopicProvisioner;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Reads a compacted control topic from the beginning, forever, handing every record to a sink.
 *
 * <p>No consumer group: every ingest instance needs every record, and there are no offsets to
 * commit because each start replays the (compacted, small) topic. The thread first provisions the
 * topics, retrying, so the service starts even while Kafka is down and just stays not-ready.
 */
public class CompactedTopicFeed<V> implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(CompactedTopicFeed.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration RETRY = Duration.ofSeconds(2);

  private final String bootstrapServers;
  private final Duration provisionTimeout;
  private final Topic<String, V> topic;
  private final BiConsumer<String, V> sink;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean caughtUp;
  private volatile KafkaConsumer<String, V> consumer;

  /** A feed of {@code topic} into {@code sink} once {@link #start()} is called. */
  protected CompactedTopicFeed(
      String bootstrapServers,
      Duration provisionTimeout,
      Topic<String, V> topic,
      BiConsumer<String, V> sink) {
    this.bootstrapServers = bootstrapServers;
    this.provisionTimeout = provisionTimeout;
    this.topic = topic;
    this.sink = sink;
    this.thread = new Thread(this::run, "sightline-feed-" + topic.name());
    this.thread.setDaemon(true);
  }

  /** Starts the background thread. */
  public void start() {
    thread.start();
  }

  /** Whether every record that existed when the feed started has been read. */
  public boolean caughtUp() {
    return caughtUp;
  }

  private void run() {
    try {
      awaitTopics();
      consumer =
          new KafkaConsumer<>(
              Map.of(
                  ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  bootstrapServers,
                  ConsumerConfig.CLIENT_ID_CONFIG,
                  "sightline-ingest-" + topic.name(),
                  ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                  false,
                  // Only the provisioner creates topics, compacted; never a default one by
                  // accident.
                  ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
                  false,
                  ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                  "earliest"),
              topic.keySerde().deserializer(),
              topic.valueSerde().deserializer());
      consume(
          consumer.partitionsFor(topic.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList());
    } catch (WakeupException | InterruptException | InterruptedException e) {
      // close() asked us to stop.
    } catch (RuntimeException e) {
      LOG.errorf(e, "feed of %s stopped; ingestion will answer 503 until restart", topic.name());
      caughtUp = false;
    } finally {
      if (consumer != null) {
        consumer.close(Duration.ofSeconds(2));
      }
    }
  }

  private void consume(List<TopicPartition> partitions) {
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> endAtStart = consumer.endOffsets(partitions);
    while (running) {
      pollOnce();
      if (!caughtUp
          && endAtStart.entrySet().stream()
              .allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
        caughtUp = true;
        LOG.infof("%s loaded", topic.name());
      }
    }
  }

  // Provisioning is idempotent, so each feed simply ensures the registry's topics until it works.
  private void awaitTopics() throws InterruptedException {
    while (running) {
      try {
        TopicProvisioner.ensureAll(bootstrapServers, provisionTimeout);
        return;
      } catch (RuntimeException e) {
        LOG.warnf("cannot provision Kafka topics yet, retrying: %s", e.getMessage());
      }
      Thread.sleep(RETRY.toMillis());
    }
    throw new WakeupException();
  }

  private void pollOnce() {
    try {
      for (ConsumerRecord<String, V> r : consumer.poll(POLL)) {
        // A null value comes through as a tombstone; the sinks treat it as "removed".
        sink.accept(r.key(), r.value());
      }
    } catch (RecordDeserializationException e) {
      // One undecodable record must not block every later update.
      LOG.warnf(
          "skipping undecodable record at %s@%d: %s",
          e.topicPartition(), e.offset(), e.getMessage());
      consumer.seek(e.topicPartition(), e.offset() + 1);
    }
  }

  @Override
  public void close() {
    running = false;
    KafkaConsumer<String, V> c = consumer;
    if (c != null) {
      c.wakeup();
    } else {
      // Still waiting for Kafka: cut the pause short (interrupting a consumer would break close).
      thread.interrupt();
    }
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
