package dev.sightline.enrich.streams;

import dev.sightline.enrich.domain.ObservationAggregates;
import dev.sightline.schemas.avro.EnrichedObservation;
import dev.sightline.schemas.avro.ObservationAggregate;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Turns an observation into a one-observation aggregate keyed by its group, timestamped with the
 * observation's start: the event time of the 1-minute windows.
 */
final class AggregateInputProcessor
    implements Processor<String, MergedObservation, String, ObservationAggregate> {

  /** How far ahead of the wall clock an observation's start may set its window. */
  static final Duration MAX_AHEAD = Duration.ofMinutes(5);

  private final Duration windowGrace;
  private ProcessorContext<String, ObservationAggregate> context;

  AggregateInputProcessor(Duration windowGrace) {
    this.windowGrace = windowGrace;
  }

  @Override
  public void init(ProcessorContext<String, ObservationAggregate> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, MergedObservation> record) {
    EnrichedObservation e = record.value().observation();
    Long start = e.getObservation().getStartTimeMicros();
    long startMillis = (start != null ? start : e.getReceivedAtMicros()) / 1000;
    // A start from a clock far in the future would advance stream time and close every current
    // window, and the broker refuses timestamps over an hour ahead
    // (message.timestamp.after.max.ms):
    // count it a few minutes ahead at most.
    long latest =
        context.currentSystemTimeMs() + Math.min(windowGrace.toMillis(), MAX_AHEAD.toMillis());
    ObservationAggregate single = ObservationAggregates.of(e);
    context.forward(
        new Record<>(
            ObservationAggregates.groupKey(single),
            single,
            Math.max(0, Math.min(startMillis, latest)),
            record.headers()));
  }
}
