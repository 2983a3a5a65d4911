package dev.sightline.enrich.streams;

import dev.sightline.enrich.domain.LatencySketch;
import dev.sightline.enrich.domain.ObservationAggregates;
import dev.sightline.schemas.avro.ObservationAggregate;
import dev.sightline.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The 1-minute aggregates: each observation counted once, in the window of its start, per project x
 * environment x step x model x prompt version; every update of a window is published whole.
 */
final class AggregateTopology {

  static final Duration WINDOW = Duration.ofMinutes(1);
  static final String STORE = "observation-aggregates";

  private AggregateTopology() {}

  static void add(
      StreamsBuilder builder, KStream<String, MergedObservation> merged, MergeSettings settings) {
    Serde<ObservationAggregate> serde = Topics.OBSERVATION_AGGREGATES.valueSerde();
    // In memory (it is emptied every punctuation), logged and cached: per observation a merge in
    // the cache, per commit one changelog write per group and window touched.
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(AggregatePartialProcessor.STORE),
                Serdes.String(),
                serde)
            .withCachingEnabled());
    merged
        .filter((key, value) -> value.aggregate(), Named.as("to-aggregate"))
        .process(
            () ->
                new AggregatePartialProcessor(
                    settings.aggregateGrace(), settings.punctuateInterval()),
            Named.as("by-group"),
            AggregatePartialProcessor.STORE)
        // The group key differs from the trace key: co-locate each group on one partition.
        .repartition(
            Repartitioned.<String, ObservationAggregate>as("aggregate-input")
                .withKeySerde(Serdes.String())
                .withValueSerde(serde))
        .groupByKey(Grouped.with(Serdes.String(), serde))
        .windowedBy(TimeWindows.ofSizeAndGrace(WINDOW, settings.aggregateGrace()))
        .reduce(
            ObservationAggregates::merge,
            Named.as("aggregate"),
            Materialized.<String, ObservationAggregate, WindowStore<Bytes, byte[]>>as(STORE)
                .withKeySerde(Serdes.String())
                .withValueSerde(serde))
        .toStream(Named.as("aggregate-updates"))
        .map(AggregateTopology::windowed, Named.as("aggregate-window"))
        .to(
            Topics.OBSERVATION_AGGREGATES.name(),
            Produced.with(Topics.OBSERVATION_AGGREGATES.keySerde(), serde));
  }

  /** The window's full state, keyed by group and window start, its sketch as protobuf. */
  private static KeyValue<String, ObservationAggregate> windowed(
      Windowed<String> key, ObservationAggregate value) {
    ObservationAggregate out =
        ObservationAggregate.newBuilder(value)
            .setWindowStartMillis(key.window().start())
            .setWindowEndMillis(key.window().end())
            .setLatencySketch(
                ByteBuffer.wrap(
                    LatencySketch.toProtobuf(
                        ObservationAggregates.bytes(value.getLatencySketch()))))
            .build();
    return KeyValue.pair(key.key() + "@" + key.window().start(), out);
  }
}
