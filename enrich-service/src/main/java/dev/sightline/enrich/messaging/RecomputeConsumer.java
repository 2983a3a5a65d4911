package dev.sightline.enrich.messaging;

import dev.sightline.clickhouse.ClickHouseException;
import dev.sightline.enrich.storage.CostRecomputeRunner;
import dev.sightline.schemas.avro.CostRecomputeRequest;
import dev.sightline.schemas.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Runs the recompute requests of {@code Topics.COST_RECOMPUTES} one at a time and commits each
 * after it ran: at-least-once, which is enough because a run is idempotent.
 */
final class RecomputeConsumer implements Runnable {

  private static final Logger LOG = Logger.getLogger(RecomputeConsumer.class);
  private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

  private final Consumer<String, byte[]> consumer;
  private final CostRecomputeRunner runner;
  private volatile boolean running = true;

  RecomputeConsumer(Consumer<String, byte[]> consumer, CostRecomputeRunner runner) {
    this.consumer = consumer;
    this.runner = runner;
  }

  @Override
  public void run() {
    try {
      consumer.subscribe(List.of(Topics.COST_RECOMPUTES.name()));
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (!handle(record)) {
            break;
          }
        }
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.error("cost recompute consumer stopped by an unexpected error", e);
      throw e;
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  void stop() {
    running = false;
    consumer.wakeup();
  }

  /** Runs one request and commits it; false when it must be read again (ClickHouse down). */
  private boolean handle(ConsumerRecord<String, byte[]> record) throws InterruptedException {
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    CostRecomputeRequest request = decode(record);
    if (request != null) {
      try {
        runner.run(request);
      } catch (ClickHouseException e) {
        LOG.warnf(
            "recompute %s waits for ClickHouse: %s", request.getRecomputeId(), e.getMessage());
        consumer.seek(partition, record.offset());
        // Paused, the poll only keeps this member in its group while ClickHouse recovers.
        consumer.pause(consumer.assignment());
        consumer.poll(RETRY_AFTER);
        consumer.resume(consumer.assignment());
        return false;
      }
    }
    consumer.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
    return true;
  }

  private static CostRecomputeRequest decode(ConsumerRecord<String, byte[]> record) {
    if (record.value() == null) {
      return null;
    }
    try {
      return Topics.COST_RECOMPUTES
          .valueSerde()
          .deserializer()
          .deserialize(record.topic(), record.value());
    } catch (RuntimeException e) {
      LOG.warnf(
          "skipping an undecodable recompute request at offset %d: %s",
          record.offset(), e.getMessage());
      return null;
    }
  }
}
