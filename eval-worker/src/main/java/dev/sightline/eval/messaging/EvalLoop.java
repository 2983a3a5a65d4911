package dev.sightline.eval.messaging;

import dev.sightline.eval.domain.Evaluator;
import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Polls enriched observations, runs every evaluator and sends the scores to the ingest topic,
 * committing offsets only after the broker acknowledged the scores (at-least-once).
 */
public final class EvalLoop implements Runnable {

  private static final Logger LOG = Logger.getLogger(EvalLoop.class);
  private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);

  private final Consumer<String, byte[]> consumer;
  private final Producer<String, IngestEvent> producer;
  private final EvalLoopStats stats = new EvalLoopStats();
  private final RecordScorer scorer;
  private final AssignmentTracker assignment = new AssignmentTracker();
  private volatile boolean stopRequested;
  private volatile boolean running;
  private volatile boolean failed;

  public EvalLoop(
      Consumer<String, byte[]> consumer,
      Producer<String, IngestEvent> producer,
      List<Evaluator> evaluators,
      Predicate<String> projectInScope,
      Clock clock) {
    this.consumer = consumer;
    this.producer = producer;
    this.scorer = new RecordScorer(evaluators, projectInScope, clock, stats);
  }

  @Override
  public void run() {
    running = true;
    try {
      consumer.subscribe(List.of(Topics.ENRICHED_OBSERVATIONS.name()), assignment);
      while (!stopRequested) {
        ConsumerRecords<String, byte[]> records = consumer.poll(POLL_TIMEOUT);
        if (!records.isEmpty()) {
          process(records);
        }
      }
    } catch (WakeupException e) {
      // stop() wakes a blocked poll; anything else waking us is unexpected.
      failed = !stopRequested;
      if (failed) {
        LOG.error("eval loop woken up without a stop request", e);
      }
    } catch (RuntimeException e) {
      failed = true;
      LOG.error("eval loop stopped by an unexpected error", e);
    } finally {
      running = false;
      assignment.clear();
      producer.close(Duration.ofSeconds(5));
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /** Asks the loop to finish its current batch and close its clients; returns at once. */
  public void stop() {
    stopRequested = true;
    consumer.wakeup();
  }

  /** Whether the loop thread is polling. */
  public boolean running() {
    return running;
  }

  /** Whether the loop ended on an error rather than a stop request; only a restart helps. */
  public boolean failed() {
    return failed;
  }

  /** Number of partitions the group currently assigns to this worker. */
  public int assignedPartitions() {
    return assignment.size();
  }

  /** The loop's counters. */
  public EvalLoopStats stats() {
    return stats;
  }

  private void process(ConsumerRecords<String, byte[]> records) {
    List<Future<RecordMetadata>> sends = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      scorer.score(record).forEach(event -> sends.add(producer.send(event)));
    }
    producer.flush();
    try {
      for (Future<RecordMetadata> send : sends) {
        send.get();
      }
    } catch (ExecutionException | InterruptedException e) {
      // Without an ack the batch must run again; the deterministic score ids absorb repeats.
      LOG.warnf(e, "could not send %d scores; re-reading the batch", sends.size());
      records.partitions().forEach(p -> consumer.seek(p, records.records(p).get(0).offset()));
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        stopRequested = true;
      }
      return;
    }
    stats.scoresSent.add(sends.size());
    commit(records);
  }

  private void commit(ConsumerRecords<String, byte[]> records) {
    Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
    for (TopicPartition partition : records.partitions()) {
      List<ConsumerRecord<String, byte[]>> part = records.records(partition);
      next.put(partition, new OffsetAndMetadata(part.get(part.size() - 1).offset() + 1));
    }
    try {
      consumer.commitSync(next);
    } catch (CommitFailedException | RebalanceInProgressException e) {
      // The partitions moved on; their new owner re-reads these records, which is safe.
      LOG.infof("commit lost to a rebalance, records will be re-evaluated: %s", e.getMessage());
    }
  }
}
