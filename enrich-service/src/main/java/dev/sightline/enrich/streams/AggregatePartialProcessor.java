package dev.sightline.enrich.streams;

import dev.sightline.enrich.domain.ObservationAggregates;
import dev.sightline.schemas.avro.EnrichedObservation;
import dev.sightline.schemas.avro.ObservationAggregate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Adds each observation to a partial aggregate of its group and 1-minute window on the task that
 * merged it, and forwards the partials, keyed by group and timestamped with their window's start,
 * once per punctuation interval.
 *
 * <p>The windows' home is the group's partition, so the aggregates must cross a repartition topic.
 * One record per observation across it (and the broker, and a decode and a window-store update on
 * the far side) cost the broker a record per span and enrich about 9 % of its samples; a partial
 * carries every observation of its group and window that one task merged in the interval. The
 * partials live in a logged, cached store, so they are exactly-once like the rest: one not yet
 * forwarded when the task fails is restored from its changelog and forwarded by the next owner.
 */
final class AggregatePartialProcessor
    implements Processor<String, MergedObservation, String, ObservationAggregate> {

  static final String STORE = "aggregate-partials";

  /** How far ahead of the wall clock an observation's start may set its window. */
  static final Duration MAX_AHEAD = Duration.ofMinutes(5);

  private final Duration windowGrace;
  private final Duration forwardInterval;
  private ProcessorContext<String, ObservationAggregate> context;
  private KeyValueStore<String, ObservationAggregate> partials;

  AggregatePartialProcessor(Duration windowGrace, Duration forwardInterval) {
    this.windowGrace = windowGrace;
    this.forwardInterval = forwardInterval;
  }

  @Override
  public void init(ProcessorContext<String, ObservationAggregate> context) {
    this.context = context;
    this.partials = context.getStateStore(STORE);
    context.schedule(forwardInterval, PunctuationType.WALL_CLOCK_TIME, now -> forwardAll());
  }

  @Override
  public void process(Record<String, MergedObservation> record) {
    EnrichedObservation e = record.value().observation();
    Long start = e.getObservation().getStartTimeMicros();
    long startMillis = (start != null ? start : e.getReceivedAtMicros()) / 1000;
    // A start from a clock far in the future would advance stream time and close every current
    // window, and the broker refuses timestamps over an hour ahead
    // (message.timestamp.after.max.ms): count it a few minutes ahead at most.
    long latest =
        context.currentSystemTimeMs() + Math.min(windowGrace.toMillis(), MAX_AHEAD.toMillis());
    long timestamp = Math.max(0, Math.min(startMillis, latest));
    long windowStart = timestamp - timestamp % AggregateTopology.WINDOW.toMillis();
    ObservationAggregate single = ObservationAggregates.of(e);
    single.setWindowStartMillis(windowStart);
    String key = ObservationAggregates.groupKey(single) + "@" + windowStart;
    ObservationAggregate partial = partials.get(key);
    partials.put(key, partial == null ? single : ObservationAggregates.merge(partial, single));
  }

  /** Forwards every partial, timestamped with its window's start, and starts them afresh. */
  private void forwardAll() {
    List<KeyValue<String, ObservationAggregate>> all = new ArrayList<>();
    try (KeyValueIterator<String, ObservationAggregate> it = partials.all()) {
      it.forEachRemaining(all::add);
    }
    for (KeyValue<String, ObservationAggregate> partial : all) {
      context.forward(
          new Record<>(
              ObservationAggregates.groupKey(partial.value),
              partial.value,
              partial.value.getWindowStartMillis()));
      partials.delete(partial.key);
    }
  }
}
