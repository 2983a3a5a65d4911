package dev.sightline.eval.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.sightline.eval.config.EvalConfig;
import dev.sightline.eval.domain.Observations;
import dev.sightline.schemas.avro.EnrichedObservation;
import dev.sightline.schemas.avro.EventKind;
import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.avro.ObservationType;
import dev.sightline.schemas.avro.ScorePayload;
import dev.sightline.schemas.topics.Topics;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EvalWorkerTest {

  @Inject EvalConfig config;
  @Inject EvalWorker worker;

  private KafkaProducer<String, byte[]> producer;

  @BeforeEach
  void awaitAssignedLoopAndOpenProducer() {
    // The group join takes a few seconds after boot; the score deadline starts after it.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> worker.loop().map(l -> l.assignedPartitions() > 0).orElse(false));
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new ByteArraySerializer());
  }

  @AfterEach
  void closeProducer() {
    producer.close();
  }

  @Test
  void emitsAZeroLatencyScoreForAGenerationOverTheBudget() throws Exception {
    String project = newProjectId();
    EnrichedObservation slow = Observations.enriched(project, ObservationType.GENERATION, 5000.0);
    send(key(slow), encode(slow));

    ConsumerRecord<String, IngestEvent> record = awaitOneScore(project);

    ScorePayload score = (ScorePayload) record.value().getPayload();
    assertThat(record.value().getProjectId()).isEqualTo(project);
    assertThat(record.key()).isEqualTo(key(slow));
    assertThat(record.value().getKind()).isEqualTo(EventKind.SCORE);
    assertThat(score.getObservationId()).isEqualTo(slow.getObservation().getObservationId());
    assertThat(score.getName()).isEqualTo("latency_budget");
    assertThat(score.getValue()).isEqualTo(0.0);
  }

  @Test
  void skipsAnUndecodableRecordAndScoresTheOneAfterIt() throws Exception {
    String project = newProjectId();
    EnrichedObservation fast = Observations.enriched(project, ObservationType.GENERATION, 20.0);
    long skippedBefore = worker.loop().orElseThrow().stats().undecodable();
    // Same key, so the garbage sits before the good record on the same partition.
    send(key(fast), "not avro".getBytes(StandardCharsets.UTF_8));
    send(key(fast), encode(fast));

    ScorePayload score = (ScorePayload) awaitOneScore(project).value().getPayload();

    assertThat(score.getValue()).isEqualTo(1.0);
    assertThat(worker.loop().orElseThrow().stats().undecodable()).isGreaterThan(skippedBefore);
  }

  @Test
  void skipsARecordWhoseTypeNoEvaluatorScoresWithoutDecodingIt() throws Exception {
    String project = newProjectId();
    EnrichedObservation fast = Observations.enriched(project, ObservationType.GENERATION, 20.0);
    EvalLoopStats stats = worker.loop().orElseThrow().stats();
    long undecodableBefore = stats.undecodable();
    long skippedBefore = stats.skippedByType();
    // A value that would not decode, under a header naming a type the latency budget ignores.
    ProducerRecord<String, byte[]> span =
        new ProducerRecord<>(
            Topics.ENRICHED_OBSERVATIONS.name(),
            key(fast),
            "not avro".getBytes(StandardCharsets.UTF_8));
    span.headers().add(Topics.OBSERVATION_TYPE_HEADER, "SPAN".getBytes(StandardCharsets.UTF_8));
    producer.send(span).get();
    send(key(fast), encode(fast));

    awaitOneScore(project);

    assertThat(stats.skippedByType()).isGreaterThan(skippedBefore);
    assertThat(stats.undecodable()).isEqualTo(undecodableBefore);
  }

  @Test
  void reportsReadyWithItsAssignedPartitions() {
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("checks.name", hasItem("eval-loop"))
        .body("checks.find { it.name == 'eval-loop' }.status", equalTo("UP"));
  }

  private ConsumerRecord<String, IngestEvent> awaitOneScore(String project) {
    try (IngestEventReader reader =
        new IngestEventReader(config.kafka().bootstrapServers(), project)) {
      List<ConsumerRecord<String, IngestEvent>> events =
          await().atMost(Duration.ofSeconds(10)).until(reader::poll, seen -> !seen.isEmpty());
      return events.get(0);
    }
  }

  private void send(String key, byte[] value) throws Exception {
    producer.send(new ProducerRecord<>(Topics.ENRICHED_OBSERVATIONS.name(), key, value)).get();
  }

  private static byte[] encode(EnrichedObservation o) {
    return Topics.ENRICHED_OBSERVATIONS.valueSerde().serializer().serialize(null, o);
  }

  private static String key(EnrichedObservation o) {
    return Topics.traceKey(o.getProjectId(), o.getObservation().getTraceId());
  }

  private static String newProjectId() {
    // The prefix is the test profile's project scope; the rest keeps runs apart.
    return "eval-worker-test-" + UUID.randomUUID();
  }
}
