package dev.sightline.ingest.messaging;

import dev.sightline.ingest.domain.EventKeys;
import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.serde.NativeLz4;
import dev.sightline.schemas.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.jboss.logging.Logger;

/** Publishes a request's envelopes to the ingest topic and returns only once Kafka has them all. */
public final class EventPublisher implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(EventPublisher.class);

  /**
   * Producer batch size. Kafka's 16 KiB default holds ~14 span events; the bench measured the raw
   * producer 4–5x faster on this broker with large batches (bench/README.md).
   */
  static final int BATCH_BYTES = 512 * 1024;

  private final KafkaProducer<String, IngestEvent> producer;
  private final Duration ackTimeout;

  /** A publisher with one idempotent producer shared by all requests. */
  public EventPublisher(
      String bootstrapServers, Duration ackTimeout, Duration linger, String compression) {
    this.ackTimeout = ackTimeout;
    if (!NativeLz4.prefer()) {
      LOG.debug("native LZ4 not available, Kafka falls back to Java LZ4");
    }
    long lingerMs = linger.toMillis();
    long ackMs = ackTimeout.toMillis();
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.CLIENT_ID_CONFIG,
            "sightline-ingest",
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.LINGER_MS_CONFIG,
            (int) lingerMs,
            ProducerConfig.COMPRESSION_TYPE_CONFIG,
            compression,
            ProducerConfig.BATCH_SIZE_CONFIG,
            BATCH_BYTES,
            // Bound every wait by the request's ack timeout so a dead broker means 503, not a hang.
            ProducerConfig.MAX_BLOCK_MS_CONFIG,
            ackMs,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
            (int) (ackMs - lingerMs),
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            (int) ackMs);
    this.producer =
        new KafkaProducer<>(
            config,
            Topics.INGEST_EVENTS.keySerde().serializer(),
            Topics.INGEST_EVENTS.valueSerde().serializer());
  }

  /**
   * Sends every event and waits for all acknowledgements within the ack timeout.
   *
   * @throws PublishFailure when any record is not acknowledged in time
   */
  public void publishAll(List<IngestEvent> events) {
    long deadline = System.nanoTime() + ackTimeout.toNanos();
    List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
    try {
      for (IngestEvent event : events) {
        ProducerRecord<String, IngestEvent> record =
            new ProducerRecord<>(Topics.INGEST_EVENTS.name(), EventKeys.of(event), event);
        Future<RecordMetadata> ack = producer.send(record);
        acks.add(ack);
        // A failed metadata wait shows up as an already-failed future: stop instead of waiting
        // again.
        if (ack.isDone() || System.nanoTime() > deadline) {
          checkEarly(ack, deadline);
        }
      }
      for (Future<RecordMetadata> ack : acks) {
        ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (ExecutionException e) {
      throw failure(e.getCause());
    } catch (TimeoutException e) {
      throw failure(e);
    } catch (KafkaException e) {
      throw failure(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(e);
    }
  }

  private static void checkEarly(Future<RecordMetadata> ack, long deadline)
      throws ExecutionException, InterruptedException, TimeoutException {
    if (ack.isDone()) {
      ack.get();
    } else if (System.nanoTime() > deadline) {
      throw new TimeoutException("ack timeout passed while sending");
    }
  }

  private PublishFailure failure(Throwable cause) {
    boolean tooLarge = cause instanceof RecordTooLargeException;
    String message =
        tooLarge
            ? "an event exceeds Kafka's record size limit: " + cause.getMessage()
            : "Kafka did not acknowledge the events within "
                + ackTimeout.toMillis()
                + " ms: "
                + cause;
    return new PublishFailure(message, cause, tooLarge);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
