package dev.sightline.enrich.storage;

import dev.sightline.clickhouse.ClickHouseClient;
import dev.sightline.clickhouse.ClickHouseException;
import dev.sightline.enrich.domain.ObservationEnricher;
import dev.sightline.schemas.avro.DeadLetter;
import dev.sightline.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Copies the storage topics into ClickHouse in batches and commits offsets only after ClickHouse
 * acknowledged every table of a batch; a failing ClickHouse is retried forever, never dropped.
 */
final class ClickHouseSink implements Runnable {

  static final List<String> TOPICS =
      List.of(
          Topics.ENRICHED_OBSERVATIONS.name(),
          Topics.TRACES.name(),
          Topics.SCORES.name(),
          Topics.OBSERVATION_AGGREGATES.name());

  private static final Logger LOG = Logger.getLogger(ClickHouseSink.class);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

  private final Consumer<String, byte[]> consumer;
  private final Producer<String, DeadLetter> deadLetters;
  private final ClickHouseClient clickHouse;
  private final SinkSettings settings;
  private final SinkBatch batch = new SinkBatch();
  private volatile boolean running = true;

  ClickHouseSink(
      Consumer<String, byte[]> consumer,
      Producer<String, DeadLetter> deadLetters,
      ClickHouseClient clickHouse,
      SinkSettings settings) {
    this.consumer = consumer;
    this.deadLetters = deadLetters;
    this.clickHouse = clickHouse;
    this.settings = settings;
  }

  @Override
  public void run() {
    try {
      consumer.subscribe(TOPICS);
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(pollTimeout())) {
          accept(record);
        }
        if (batch.rows() >= settings.batchRows()
            || batch.ageMillis() >= settings.flushInterval().toMillis()) {
          flush();
        }
      }
      // Best effort on shutdown; whatever is not committed is re-delivered and collapsed by FINAL.
      flush();
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } catch (RuntimeException e) {
      LOG.error("ClickHouse sink stopped by an unexpected error", e);
      throw e;
    } finally {
      consumer.close(Duration.ofSeconds(5));
      deadLetters.close(Duration.ofSeconds(5));
    }
  }

  /** Asks the loop to finish its current step and stop; returns at once. */
  void stop() {
    running = false;
    consumer.wakeup();
  }

  private void accept(ConsumerRecord<String, byte[]> record) {
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    if (record.value() == null) {
      batch.consumed(partition, record.offset());
      return;
    }
    try {
      batch.add(StorageRows.of(record.topic(), record.value()), partition, record.offset());
    } catch (RuntimeException e) {
      LOG.warnf(
          "dead-lettering %s-%d@%d: %s",
          record.topic(), record.partition(), record.offset(), e.getMessage());
      deadLetters.send(
          new ProducerRecord<>(Topics.DEAD_LETTERS.name(), record.key(), deadLetter(record, e)));
      batch.consumed(partition, record.offset());
    }
  }

  private void flush() {
    if (batch.isEmpty()) {
      return;
    }
    consumer.pause(consumer.assignment());
    Duration backoff = FIRST_BACKOFF;
    while (!insertPending()) {
      if (!running) {
        return; // uncommitted: the next owner of these partitions re-delivers them
      }
      keepMembershipFor(backoff);
      Duration doubled = backoff.multipliedBy(2);
      backoff = doubled.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : doubled;
    }
    // Dead letters must be durable before their offsets are committed.
    deadLetters.flush();
    commit();
    batch.clear();
    consumer.resume(consumer.assignment());
  }

  /** Inserts each table not yet acknowledged; true when all are in. */
  private boolean insertPending() {
    for (Map.Entry<String, JsonEachRowBody> table : batch.pendingTables().entrySet()) {
      try {
        clickHouse.insertJsonEachRow(table.getKey(), table.getValue().chunks());
        batch.inserted(table.getKey());
      } catch (ClickHouseException e) {
        if (e.retryable()) {
          LOG.warnf(
              "ClickHouse insert into %s failed, will retry: %s", table.getKey(), e.getMessage());
        } else {
          LOG.errorf(
              "ClickHouse refused rows for %s, retrying until fixed: %s",
              table.getKey(), e.getMessage());
        }
        return false;
      }
    }
    return true;
  }

  /** Waits while polling the paused consumer, so the group does not evict this member. */
  private void keepMembershipFor(Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    long left;
    while (running && (left = deadline - System.nanoTime()) > 0) {
      consumer.pause(consumer.assignment());
      ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofNanos(left));
      // Partitions assigned during the poll were not paused yet: read them again later.
      for (TopicPartition partition : records.partitions()) {
        consumer.seek(partition, records.records(partition).get(0).offset());
      }
    }
  }

  private void commit() {
    Map<TopicPartition, OffsetAndMetadata> owned =
        batch.offsets().entrySet().stream()
            .filter(e -> consumer.assignment().contains(e.getKey()))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    try {
      consumer.commitSync(owned);
    } catch (CommitFailedException | RebalanceInProgressException e) {
      // The rows are stored; the next owner re-delivers them and FINAL collapses the copies.
      LOG.infof("offset commit skipped by a rebalance: %s", e.getMessage());
    }
  }

  private Duration pollTimeout() {
    long left = settings.flushInterval().toMillis() - batch.ageMillis();
    return Duration.ofMillis(
        Math.max(1, batch.isEmpty() ? settings.flushInterval().toMillis() : left));
  }

  private static DeadLetter deadLetter(ConsumerRecord<String, byte[]> record, Exception e) {
    return DeadLetter.newBuilder()
        .setSourceTopic(record.topic())
        .setPartition(record.partition())
        .setOffset(record.offset())
        .setReason("cannot store in ClickHouse: " + e.getMessage())
        .setKey(
            record.key() == null
                ? null
                : ByteBuffer.wrap(record.key().getBytes(StandardCharsets.UTF_8)))
        .setValue(ByteBuffer.wrap(record.value()))
        .setFailedAtMicros(ObservationEnricher.nowMicros(Clock.systemUTC()))
        .build();
  }
}
