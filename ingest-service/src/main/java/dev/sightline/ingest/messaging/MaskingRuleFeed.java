package dev.sightline.ingest.messaging;

import dev.sightline.ingest.domain.masking.ProjectMaskingRules;
import dev.sightline.schemas.avro.MaskingRuleSet;
import dev.sightline.schemas.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Reads the compacted masking-rules topic from the beginning, forever, into {@link
 * ProjectMaskingRules}: all partitions, no consumer group, the latest set per project wins (like
 * {@link ApiKeyFeed}, which also provisions the topics this feed waits for).
 */
public final class MaskingRuleFeed implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(MaskingRuleFeed.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final String bootstrapServers;
  private final ProjectMaskingRules rules;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean caughtUp;
  private volatile KafkaConsumer<String, MaskingRuleSet> consumer;

  /** A feed that fills {@code rules} once {@link #start()} is called. */
  public MaskingRuleFeed(String bootstrapServers, ProjectMaskingRules rules) {
    this.bootstrapServers = bootstrapServers;
    this.rules = rules;
    this.thread = new Thread(this::run, "sightline-masking-rule-feed");
    this.thread.setDaemon(true);
  }

  /** Starts the background thread. */
  public void start() {
    thread.start();
  }

  /** Whether every rule set that existed when the feed started has been read. */
  public boolean caughtUp() {
    return caughtUp;
  }

  private void run() {
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG,
                "sightline-ingest-masking-rules",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                // Only the provisioner creates topics, compacted; never a default one by accident.
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
                false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            Topics.MASKING_RULES.keySerde().deserializer(),
            AvroDeserializers.of(MaskingRuleSet.class));
    try {
      List<TopicPartition> partitions = partitions();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> endAtStart = consumer.endOffsets(partitions);
      while (running) {
        pollOnce();
        if (!caughtUp
            && endAtStart.entrySet().stream()
                .allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
          caughtUp = true;
          LOG.info("masking rules loaded");
        }
      }
    } catch (WakeupException | InterruptException | InterruptedException e) {
      // close() asked us to stop.
    } catch (RuntimeException e) {
      LOG.error("masking rule feed stopped; ingestion will answer 503 until restart", e);
      caughtUp = false;
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  // The topic appears once ApiKeyFeed has provisioned the registry; until then wait.
  private List<TopicPartition> partitions() throws InterruptedException {
    while (running) {
      try {
        List<TopicPartition> found =
            consumer.partitionsFor(Topics.MASKING_RULES.name(), Duration.ofSeconds(5)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        if (!found.isEmpty()) {
          return found;
        }
      } catch (org.apache.kafka.common.errors.TimeoutException e) {
        LOG.debugf("masking rules topic not reachable yet: %s", e.getMessage());
      }
      // Short naps that re-check running: interrupting a Kafka consumer would break its close.
      for (int i = 0; i < 10 && running; i++) {
        Thread.sleep(100);
      }
    }
    throw new WakeupException();
  }

  private void pollOnce() {
    try {
      for (ConsumerRecord<String, MaskingRuleSet> r : consumer.poll(POLL)) {
        rules.apply(r.key(), r.value());
      }
    } catch (RecordDeserializationException e) {
      // One undecodable rule set must not block every later update.
      LOG.warnf(
          "skipping undecodable masking rule record at %s@%d: %s",
          e.topicPartition(), e.offset(), e.getMessage());
      consumer.seek(e.topicPartition(), e.offset() + 1);
    }
  }

  @Override
  public void close() {
    running = false;
    KafkaConsumer<String, MaskingRuleSet> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
