package dev.sightline.enrich.streams;

import dev.sightline.enrich.domain.ObservationEnricher;
import dev.sightline.enrich.domain.PriceBook;
import dev.sightline.schemas.avro.EventKind;
import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.avro.ScorePayload;
import dev.sightline.schemas.avro.ScoreRecord;
import dev.sightline.schemas.topics.Topic;
import dev.sightline.schemas.topics.Topics;
import java.time.Clock;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The enrichment topology: ingest events in; merged, enriched observations, merged traces, scores,
 * 1-minute aggregates and dead letters out. A plain factory so tests need no framework.
 */
public final class EnrichTopology {

  private EnrichTopology() {}

  /**
   * Builds the topology.
   *
   * @param prices the price book; the topology keeps it up to date from the model-prices topic
   * @param settings grace periods and retention of the merge and the aggregates
   * @param metrics counters the merge updates (late events...)
   * @param clock stamps row versions
   */
  public static Topology build(
      PriceBook prices, MergeSettings settings, MergeMetrics metrics, Clock clock) {
    ObservationEnricher enricher = new ObservationEnricher(prices, clock);
    StreamsBuilder builder = new StreamsBuilder();
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(PriceStoreProcessor.STORE),
                Serdes.String(),
                Serdes.ByteArray())
            .withLoggingDisabled(),
        Topics.MODEL_PRICES.name(),
        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("model-prices"),
        () -> new PriceStoreProcessor(prices));
    store(builder, ObservationMergeProcessor.STATE_STORE, new ObservationStateSerde());
    // Cached: a timer set and cancelled within one commit interval, and the one retention key
    // every observation of a trace books, reach RocksDB and the changelog once, at the commit.
    builder.addStateStore(timerStore(ObservationMergeProcessor.TIMER_STORE).withCachingEnabled());
    builder.addStateStore(
        timerStore(ObservationMergeProcessor.RETENTION_STORE).withCachingEnabled());
    store(builder, TraceMergeProcessor.STATE_STORE, new TraceStateSerde());
    builder.addStateStore(timerStore(TraceMergeProcessor.TIMER_STORE));

    // Values as bytes: decoding inside the topology turns poison records into dead letters.
    KStream<String, Decoded> decoded =
        builder.stream(
                Topics.INGEST_EVENTS.name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("ingest-events"))
            .process(() -> new DecodeProcessor(clock), Named.as("decode"));

    decoded
        .filterNot((key, value) -> value.ok(), Named.as("undecodable"))
        .mapValues(Decoded::deadLetter, Named.as("dead-letter"))
        .to(Topics.DEAD_LETTERS.name(), produced(Topics.DEAD_LETTERS));

    decoded
        .filter((key, value) -> value.ok(), Named.as("decoded"))
        .mapValues(Decoded::event, Named.as("event"))
        .split(Named.as("kind-"))
        .branch(
            (key, event) -> event.getKind() == EventKind.OBSERVATION,
            Branched.withConsumer(
                s -> observations(builder, s, enricher, settings, metrics, clock), "observation"))
        .branch(
            (key, event) -> event.getKind() == EventKind.TRACE,
            Branched.withConsumer(
                s ->
                    s.process(
                            () -> new TraceMergeProcessor(settings),
                            Named.as("merge-traces"),
                            TraceMergeProcessor.STATE_STORE,
                            TraceMergeProcessor.TIMER_STORE)
                        .to(Topics.TRACES.name(), produced(Topics.TRACES)),
                "trace"))
        .branch(
            (key, event) -> event.getKind() == EventKind.SCORE,
            Branched.withConsumer(
                s ->
                    s.mapValues(EnrichTopology::scoreRecord, Named.as("score-record"))
                        .to(Topics.SCORES.name(), produced(Topics.SCORES)),
                "score"))
        .noDefaultBranch();
    return builder.build();
  }

  private static void observations(
      StreamsBuilder builder,
      KStream<String, IngestEvent> events,
      ObservationEnricher enricher,
      MergeSettings settings,
      MergeMetrics metrics,
      Clock clock) {
    KStream<String, MergedObservation> merged =
        events.process(
            () -> new ObservationMergeProcessor(enricher, settings, metrics, clock),
            Named.as("merge-observations"),
            ObservationMergeProcessor.STATE_STORE,
            ObservationMergeProcessor.TIMER_STORE,
            ObservationMergeProcessor.RETENTION_STORE);
    merged
        .filter((key, value) -> value.row(), Named.as("observation-rows"))
        .mapValues(MergedObservation::observation, Named.as("enriched"))
        .to(Topics.ENRICHED_OBSERVATIONS.name(), produced(Topics.ENRICHED_OBSERVATIONS));
    AggregateTopology.add(builder, merged, settings);
  }

  private static <V> void store(StreamsBuilder builder, String name, Serde<V> values) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values));
  }

  private static StoreBuilder<KeyValueStore<String, String>> timerStore(String name) {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.String());
  }

  private static ScoreRecord scoreRecord(IngestEvent event) {
    return new ScoreRecord(
        event.getProjectId(),
        event.getEventId(),
        event.getReceivedAtMicros(),
        (ScorePayload) event.getPayload());
  }

  private static <V> Produced<String, V> produced(Topic<String, V> topic) {
    return Produced.with(topic.keySerde(), topic.valueSerde());
  }
}
