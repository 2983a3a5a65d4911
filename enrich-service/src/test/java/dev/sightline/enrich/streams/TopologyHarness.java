package dev.sightline.enrich.streams;

import static dev.sightline.enrich.TestEvents.T0;

import dev.sightline.enrich.domain.PriceBook;
import dev.sightline.enrich.domain.PriceTable;
import dev.sightline.schemas.avro.DeadLetter;
import dev.sightline.schemas.avro.EnrichedObservation;
import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.avro.ModelPrice;
import dev.sightline.schemas.avro.ObservationAggregate;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.avro.ScorePayload;
import dev.sightline.schemas.avro.ScoreRecord;
import dev.sightline.schemas.avro.TracePayload;
import dev.sightline.schemas.avro.TraceRecord;
import dev.sightline.schemas.topics.Topic;
import dev.sightline.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The topology in a TopologyTestDriver with its topics, wall clock at {@link #NOW}. */
final class TopologyHarness implements AutoCloseable {

  static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
  static final MergeSettings SETTINGS =
      new MergeSettings(
          Duration.ofSeconds(30),
          Duration.ofMinutes(5),
          Duration.ofDays(7),
          Duration.ofHours(24),
          Duration.ofSeconds(1));

  final MergeMetrics metrics = new MergeMetrics();
  final TopologyTestDriver driver;
  final TestInputTopic<String, byte[]> ingest;
  final TestInputTopic<String, ModelPrice> prices;
  final TestOutputTopic<String, EnrichedObservation> enriched;
  final TestOutputTopic<String, TraceRecord> traces;
  final TestOutputTopic<String, ScoreRecord> scores;
  final TestOutputTopic<String, ObservationAggregate> aggregates;
  final TestOutputTopic<String, DeadLetter> deadLetters;

  TopologyHarness(PriceTable bundled) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-topology-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, "target/topology-test-state");
    driver =
        new TopologyTestDriver(
            EnrichTopology.build(
                new PriceBook(bundled), SETTINGS, metrics, Clock.fixed(NOW, ZoneOffset.UTC)),
            props,
            NOW);
    ingest =
        driver.createInputTopic(
            Topics.INGEST_EVENTS.name(),
            Serdes.String().serializer(),
            Serdes.ByteArray().serializer());
    prices =
        driver.createInputTopic(
            Topics.MODEL_PRICES.name(),
            Topics.MODEL_PRICES.keySerde().serializer(),
            Topics.MODEL_PRICES.valueSerde().serializer());
    enriched = output(Topics.ENRICHED_OBSERVATIONS);
    traces = output(Topics.TRACES);
    scores = output(Topics.SCORES);
    aggregates = output(Topics.OBSERVATION_AGGREGATES);
    deadLetters = output(Topics.DEAD_LETTERS);
  }

  /** Pipes an event under its trace key, timestamped like ingest would. */
  void send(IngestEvent event) {
    Object payload = event.getPayload();
    String traceId =
        payload instanceof ObservationPayload o
            ? o.getTraceId()
            : payload instanceof TracePayload t
                ? t.getTraceId()
                : ((ScorePayload) payload).getTraceId();
    ingest.pipeInput(
        Topics.traceKey(event.getProjectId(), traceId),
        Topics.INGEST_EVENTS.valueSerde().serializer().serialize("t", event),
        T0 / 1000);
  }

  void price(ModelPrice price) {
    prices.pipeInput(price.getPriceId(), price);
  }

  /** Moves the wall clock on, firing the merge's timers. */
  void advance(Duration duration) {
    driver.advanceWallClockTime(duration);
  }

  /** Lets the partial aggregates of the last interval go out to the windows. */
  void flushAggregates() {
    advance(SETTINGS.punctuateInterval());
  }

  @Override
  public void close() {
    driver.close();
  }

  private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
    return driver.createOutputTopic(
        topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }
}
