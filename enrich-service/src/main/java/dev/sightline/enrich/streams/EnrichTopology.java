package dev.sightline.enrich.streams;

import dev.sightline.enrich.domain.ObservationEnricher;
import dev.sightline.enrich.domain.PriceTable;
import dev.sightline.schemas.avro.EventKind;
import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.avro.ScorePayload;
import dev.sightline.schemas.avro.ScoreRecord;
import dev.sightline.schemas.avro.TracePayload;
import dev.sightline.schemas.avro.TraceRecord;
import dev.sightline.schemas.topics.Topic;
import dev.sightline.schemas.topics.Topics;
import java.time.Clock;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The enrichment topology: ingest events in; enriched observations, traces, scores and dead letters
 * out, keys unchanged. A plain factory so tests need no framework.
 */
public final class EnrichTopology {

  private EnrichTopology() {}

  /** Builds the topology pricing observations with {@code prices} and stamping {@code clock}. */
  public static Topology build(PriceTable prices, Clock clock) {
    ObservationEnricher enricher = new ObservationEnricher(prices, clock);
    StreamsBuilder builder = new StreamsBuilder();
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
                s ->
                    s.mapValues(
                            e -> enricher.enrich(e, (ObservationPayload) e.getPayload()),
                            Named.as("enrich"))
                        .to(
                            Topics.ENRICHED_OBSERVATIONS.name(),
                            produced(Topics.ENRICHED_OBSERVATIONS)),
                "observation"))
        .branch(
            (key, event) -> event.getKind() == EventKind.TRACE,
            Branched.withConsumer(
                s ->
                    s.mapValues(EnrichTopology::traceRecord, Named.as("trace-record"))
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

  private static TraceRecord traceRecord(IngestEvent event) {
    return new TraceRecord(
        event.getProjectId(),
        event.getEventId(),
        event.getReceivedAtMicros(),
        (TracePayload) event.getPayload());
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
