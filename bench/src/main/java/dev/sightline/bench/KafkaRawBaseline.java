package dev.sightline.bench;

import dev.sightline.schemas.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The broker's own ceiling: one producer configured like ingest's EventPublisher, sending the
 * records ingest actually wrote to a bench-only topic as fast as the producer accepts them.
 */
final class KafkaRawBaseline {

  /** Bench-only topic with the ingest topic's partition count; created and deleted by each run. */
  static final String TOPIC = "sightline.bench-raw";

  /** Records acknowledged per second and the record size used. */
  record Result(
      double recordsPerSecond, long acked, long errors, double avgRecordBytes, int batchBytes) {}

  private KafkaRawBaseline() {}

  /** EventPublisher's {@code batch.size} (512 KiB; keep in step with ingest-service). */
  static final int PUBLISHER_BATCH_BYTES = 512 * 1024;

  /**
   * Sends {@code records} round-robin from {@code threads} threads for {@code duration} with
   * EventPublisher's settings and the given {@code batch.size}.
   */
  static Result run(
      String bootstrap,
      List<IngestTopicSample.RawRecord> records,
      Duration duration,
      int batchBytes,
      int threads)
      throws InterruptedException, ExecutionException {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      deleteTopic(admin);
      createTopic(admin);
      try {
        return produce(bootstrap, records, duration, batchBytes, threads);
      } finally {
        deleteTopic(admin);
      }
    }
  }

  private static Result produce(
      String bootstrap,
      List<IngestTopicSample.RawRecord> records,
      Duration duration,
      int batchBytes,
      int threads)
      throws InterruptedException {
    // Same settings as ingest-service's EventPublisher (ack timeout 10 s, linger 5 ms, lz4).
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "sightline-bench-raw");
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000L);
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 9_995);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, batchBytes);
    AtomicLong acked = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicBoolean stop = new AtomicBoolean();
    long bytes = records.stream().mapToLong(IngestTopicSample.RawRecord::size).sum();
    long ackedAtStart;
    long ackedAtEnd;
    long measuredNanos;
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      // Several threads share one producer, as ingest's request threads share EventPublisher's.
      List<Thread> senders = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t * 7919;
        Thread sender =
            new Thread(
                () -> {
                  for (int i = first; !stop.get(); i++) {
                    IngestTopicSample.RawRecord r = records.get(Math.floorMod(i, records.size()));
                    producer.send(
                        new ProducerRecord<>(TOPIC, r.key(), r.value()),
                        (meta, e) -> (e == null ? acked : errors).incrementAndGet());
                  }
                },
                "bench-kafka-sender-" + t);
        senders.add(sender);
        sender.start();
      }
      // The first second warms the producer and the broker up and is not counted.
      Thread.sleep(1_000);
      ackedAtStart = acked.get();
      long start = System.nanoTime();
      Thread.sleep(duration.toMillis());
      ackedAtEnd = acked.get();
      measuredNanos = System.nanoTime() - start;
      stop.set(true);
      for (Thread sender : senders) {
        sender.join();
      }
      producer.flush();
    }
    return new Result(
        (ackedAtEnd - ackedAtStart) / (measuredNanos / 1e9),
        ackedAtEnd - ackedAtStart,
        errors.get(),
        (double) bytes / records.size(),
        batchBytes);
  }

  private static void createTopic(Admin admin) throws InterruptedException, ExecutionException {
    NewTopic topic = new NewTopic(TOPIC, Topics.INGEST_EVENTS.partitions(), (short) 1);
    for (int attempt = 0; ; attempt++) {
      try {
        admin.createTopics(List.of(topic)).all().get();
        return;
      } catch (ExecutionException e) {
        // A just-deleted topic can still be "marked for deletion" for a moment.
        if (!(e.getCause() instanceof TopicExistsException) || attempt > 20) {
          throw e;
        }
        Thread.sleep(250);
      }
    }
  }

  private static void deleteTopic(Admin admin) throws InterruptedException, ExecutionException {
    try {
      admin.deleteTopics(List.of(TOPIC)).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
        throw e;
      }
    }
  }
}
