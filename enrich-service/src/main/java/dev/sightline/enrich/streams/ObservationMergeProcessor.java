package dev.sightline.enrich.streams;

import dev.sightline.enrich.domain.ObservationEnricher;
import dev.sightline.enrich.domain.ObservationMerge;
import dev.sightline.enrich.domain.RowDay;
import dev.sightline.schemas.avro.EnrichedObservation;
import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.topics.Topics;
import java.time.Clock;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Merges create and update events per observation and emits the complete row on every change.
 *
 * <p>Updates that arrive before their create are held back until it arrives or the grace period
 * passes. Once emitted, a row keeps its day (its ClickHouse partition), so later versions replace
 * it instead of adding a second row.
 */
final class ObservationMergeProcessor
    implements Processor<String, IngestEvent, String, MergedObservation> {

  static final String STATE_STORE = "observation-state";
  static final String TIMER_STORE = "observation-timers";

  private final ObservationEnricher enricher;
  private final MergeSettings settings;
  private final MergeMetrics metrics;
  private final Clock clock;
  private ProcessorContext<String, MergedObservation> context;
  private KeyValueStore<String, ObservationState> states;
  private TimerIndex timers;

  ObservationMergeProcessor(
      ObservationEnricher enricher, MergeSettings settings, MergeMetrics metrics, Clock clock) {
    this.enricher = enricher;
    this.settings = settings;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public void init(ProcessorContext<String, MergedObservation> context) {
    this.context = context;
    this.states = context.getStateStore(STATE_STORE);
    this.timers = new TimerIndex(context.getStateStore(TIMER_STORE));
    context.schedule(
        settings.punctuateInterval(), PunctuationType.WALL_CLOCK_TIME, this::fireTimers);
  }

  @Override
  public void process(Record<String, IngestEvent> record) {
    IngestEvent event = record.value();
    ObservationPayload payload = (ObservationPayload) event.getPayload();
    String key = stateKey(event.getProjectId(), payload);
    long now = context.currentSystemTimeMs();
    ObservationState old = states.get(key);
    if (old != null && now - old.firstSeenMillis() > settings.grace().toMillis()) {
      metrics.countLate();
    }
    ObservationState state =
        new ObservationState(
            event.getProjectId(),
            ObservationMerge.merge(
                old == null ? null : old.merged(), old != null && old.created(), payload),
            (old != null && old.created()) || !payload.getUpdate(),
            old == null ? now : old.firstSeenMillis(),
            now,
            old == null ? event.getReceivedAtMicros() : old.firstReceivedAtMicros(),
            event.getEventId(),
            old != null && old.emitted(),
            old == null ? null : old.emittedStartMicros(),
            old == null ? 0 : old.version(),
            old != null && old.aggregated(),
            old == null ? -1 : old.timerDueMillis());
    // Without its create an observation waits (it would be a partial row) unless already out.
    if (state.created() || state.emitted()) {
      state = emit(state, record.timestamp(), true, false);
    }
    save(key, state);
  }

  private void fireTimers(long now) {
    for (String key : timers.takeDue(now)) {
      ObservationState state = states.get(key);
      if (state == null) {
        continue;
      }
      state = state.withTimerDue(-1); // taken off the timer index above
      if (!state.emitted()) {
        metrics.countFlushedWithoutCreate();
        state = emit(state, now, true, now >= waitedForEnd(state));
      } else if (!state.aggregated() && now >= waitedForEnd(state)) {
        state = emit(state, now, false, true);
      } else if (state.aggregated()
          && now >= state.lastSeenMillis() + settings.retention().toMillis()) {
        states.delete(key);
        metrics.countExpired();
        continue;
      }
      save(key, state);
    }
  }

  /** Forwards the current merge; a row unless {@code row} is false, aggregated when due. */
  private ObservationState emit(
      ObservationState state, long timestamp, boolean row, boolean forceAggregate) {
    ObservationPayload merged = state.merged();
    long version = Math.max(state.version() + 1, ObservationEnricher.nowMicros(clock));
    EnrichedObservation enriched =
        enricher.enrich(
            state.projectId(),
            state.lastEventId(),
            state.firstReceivedAtMicros(),
            merged,
            row ? version : state.version());
    ObservationPayload stored =
        state.emitted()
            ? RowDay.pinned(merged, state.emittedStartMicros(), state.firstReceivedAtMicros())
            : merged;
    if (stored != merged) {
      enriched = EnrichedObservation.newBuilder(enriched).setObservation(stored).build();
    }
    boolean aggregate = !state.aggregated() && (forceAggregate || RowDay.complete(merged));
    context.forward(
        new Record<>(
            Topics.traceKey(state.projectId(), merged.getTraceId()),
            new MergedObservation(enriched, row, aggregate),
            timestamp));
    return state.emittedAs(
        stored.getStartTimeMicros(),
        row ? version : state.version(),
        state.aggregated() || aggregate);
  }

  private long waitedForEnd(ObservationState state) {
    return state.firstSeenMillis() + settings.waitForEnd().toMillis();
  }

  /** Stores the state with its one timer: the next thing it waits for. */
  private void save(String key, ObservationState state) {
    long due;
    if (!state.emitted()) {
      due = state.firstSeenMillis() + settings.grace().toMillis();
    } else if (!state.aggregated()) {
      due = waitedForEnd(state);
    } else {
      due = state.lastSeenMillis() + settings.retention().toMillis();
    }
    if (due != state.timerDueMillis()) {
      if (state.timerDueMillis() >= 0) {
        timers.cancel(state.timerDueMillis(), key);
      }
      timers.schedule(due, key);
    }
    states.put(key, state.withTimerDue(due));
  }

  static String stateKey(String projectId, ObservationPayload payload) {
    return Topics.traceKey(projectId, payload.getTraceId()) + "/" + payload.getObservationId();
  }
}
