package dev.sightline.enrich.streams;

import dev.sightline.enrich.domain.TraceMerge;
import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.avro.TracePayload;
import dev.sightline.schemas.avro.TraceRecord;
import dev.sightline.schemas.topics.Topics;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Merges the events of each trace and emits the complete trace on every change. */
final class TraceMergeProcessor implements Processor<String, IngestEvent, String, TraceRecord> {

  static final String STATE_STORE = "trace-state";
  static final String TIMER_STORE = "trace-timers";

  private final MergeSettings settings;
  private ProcessorContext<String, TraceRecord> context;
  private KeyValueStore<String, TraceState> states;
  private TimerIndex timers;

  TraceMergeProcessor(MergeSettings settings) {
    this.settings = settings;
  }

  @Override
  public void init(ProcessorContext<String, TraceRecord> context) {
    this.context = context;
    this.states = context.getStateStore(STATE_STORE);
    this.timers = new TimerIndex(context.getStateStore(TIMER_STORE));
    context.schedule(settings.punctuateInterval(), PunctuationType.WALL_CLOCK_TIME, this::expire);
  }

  @Override
  public void process(Record<String, IngestEvent> record) {
    IngestEvent event = record.value();
    TracePayload payload = (TracePayload) event.getPayload();
    String key = Topics.traceKey(event.getProjectId(), payload.getTraceId());
    TraceState old = states.get(key);
    TraceRecord merged =
        TraceRecord.newBuilder()
            .setProjectId(event.getProjectId())
            .setEventId(event.getEventId())
            // receivedAt is the row version: strictly increasing per trace, so the newest merge
            // wins in ClickHouse even when two events carry the same or skewed arrival times.
            .setReceivedAtMicros(
                old == null
                    ? event.getReceivedAtMicros()
                    : Math.max(old.merged().getReceivedAtMicros() + 1, event.getReceivedAtMicros()))
            .setTrace(TraceMerge.merge(old == null ? null : old.merged().getTrace(), payload))
            .build();
    context.forward(record.withKey(key).withValue(merged));
    long now = context.currentSystemTimeMs();
    long due = now + settings.retention().toMillis();
    if (old != null) {
      timers.cancel(old.timerDueMillis(), key);
    }
    timers.schedule(due, key);
    states.put(key, new TraceState(merged, now, due));
  }

  private void expire(long now) {
    for (String key : timers.takeDue(now)) {
      states.delete(key);
    }
  }
}
