package dev.sightline.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.sightline.ingest.domain.OtlpFixtures;
import dev.sightline.schemas.avro.EventKind;
import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.avro.ObservationType;
import dev.sightline.schemas.avro.TracePayload;
import dev.sightline.schemas.topics.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IngestResourceTest {

  private static KafkaTestClients kafka;

  private final String projectId = "proj-" + UUID.randomUUID();
  private final String publicKey = "pk-" + UUID.randomUUID();
  private final String secret = "sk-" + UUID.randomUUID();

  @BeforeAll
  static void connect() {
    String bootstrap =
        ConfigProvider.getConfig()
            .getOptionalValue("sightline.kafka.bootstrap-servers", String.class)
            .orElse("127.0.0.1:9092");
    kafka = new KafkaTestClients(bootstrap);
  }

  @AfterAll
  static void disconnect() {
    kafka.close();
  }

  private static String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(b);
    b[0] |= 1; // never all zero
    return HexFormat.of().formatHex(b);
  }

  private RequestSpecification as(String pk, String sk) {
    return given().auth().preemptive().basic(pk, sk);
  }

  /** Publishes this test's key and waits until ingest accepts it: the real contract. */
  private void keyAccepted() throws Exception {
    kafka.publishKey(publicKey, projectId, secret, false);
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                as(publicKey, secret)
                        .contentType("application/json")
                        .body("{\"resourceSpans\":[]}")
                        .post("/v1/traces")
                        .statusCode()
                    == 200);
  }

  private static String otlpJson(String traceId, String rootId, String childId) {
    return """
        {"resourceSpans":[{"resource":{"attributes":[
            {"key":"service.name","value":{"stringValue":"checkout"}}]},
          "scopeSpans":[{"scope":{"name":"openai"},"spans":[
            {"traceId":"%1$s","spanId":"%2$s","name":"answer question",
             "startTimeUnixNano":"1700000000000000000","endTimeUnixNano":"1700000002000000000",
             "attributes":[{"key":"user.id","value":{"stringValue":"u-1"}}]},
            {"traceId":"%1$s","spanId":"%3$s","parentSpanId":"%2$s","name":"chat",
             "startTimeUnixNano":1700000000500000000,"endTimeUnixNano":1700000001500000000,
             "attributes":[
               {"key":"gen_ai.request.model","value":{"stringValue":"gpt-4o-mini"}},
               {"key":"gen_ai.usage.input_tokens","value":{"intValue":"11"}},
               {"key":"gen_ai.usage.output_tokens","value":{"intValue":7}}]}]}]}]}
        """
        .formatted(traceId, rootId, childId);
  }

  private List<IngestEvent> awaitEvents(int count) {
    return await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> kafka.eventsOf(projectId), list -> list.size() >= count)
        .stream()
        .peek(
            r -> {
              String traceId =
                  r.value().getPayload() instanceof TracePayload t
                      ? t.getTraceId()
                      : ((ObservationPayload) r.value().getPayload()).getTraceId();
              assertThat(r.key()).isEqualTo(Topics.traceKey(projectId, traceId));
            })
        .map(ConsumerRecord::value)
        .toList();
  }

  @Test
  void acceptsOtlpJsonAndPublishesOneEnvelopePerSpanPlusTheTrace() throws Exception {
    keyAccepted();
    String traceId = randomHex(16);
    String rootId = randomHex(8);
    String childId = randomHex(8);

    as(publicKey, secret)
        .contentType("application/json")
        .body(otlpJson(traceId, rootId, childId))
        .post("/v1/traces")
        .then()
        .statusCode(200)
        .body("partialSuccess", equalTo(java.util.Map.of()));

    List<IngestEvent> events = awaitEvents(3);
    assertThat(events).hasSize(3);
    assertThat(events)
        .extracting(IngestEvent::getKind)
        .containsExactlyInAnyOrder(EventKind.TRACE, EventKind.OBSERVATION, EventKind.OBSERVATION);
    ObservationPayload chat =
        events.stream()
            .map(IngestEvent::getPayload)
            .filter(p -> p instanceof ObservationPayload o && childId.equals(o.getObservationId()))
            .map(ObservationPayload.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(chat.getType()).isEqualTo(ObservationType.GENERATION);
    assertThat(chat.getModel()).isEqualTo("gpt-4o-mini");
    assertThat(chat.getUsage().getInputTokens()).isEqualTo(11L);
    assertThat(chat.getParentObservationId()).isEqualTo(rootId);
    assertThat(chat.getAttributes()).containsEntry("resource.service.name", "checkout");
  }

  @Test
  void acceptsGzippedProtobufOnTheLangfusePath() throws Exception {
    keyAccepted();
    String traceId = randomHex(16);
    byte[] body =
        OtlpFixtures.request(
                List.of(), OtlpFixtures.span(traceId, randomHex(8), null, "proto root").build())
            .toByteArray();

    as(publicKey, secret)
        .contentType("application/x-protobuf")
        .header("Content-Encoding", "gzip")
        .body(gzip(body))
        .post("/api/public/otel/v1/traces")
        .then()
        .statusCode(200)
        .contentType("application/x-protobuf");

    List<IngestEvent> events = awaitEvents(2);
    assertThat(events)
        .extracting(IngestEvent::getKind)
        .containsExactlyInAnyOrder(EventKind.TRACE, EventKind.OBSERVATION);
    assertThat(
            ((TracePayload)
                    events.stream()
                        .filter(e -> e.getKind() == EventKind.TRACE)
                        .findFirst()
                        .orElseThrow()
                        .getPayload())
                .getName())
        .isEqualTo("proto root");
  }

  @Test
  void rejectsAWrongSecretWith401() throws Exception {
    keyAccepted();

    as(publicKey, "not-the-secret")
        .contentType("application/json")
        .body("{}")
        .post("/v1/traces")
        .then()
        .statusCode(401)
        .contentType(ProblemResponses.PROBLEM_JSON)
        .header("WWW-Authenticate", containsString("Basic"));
  }

  @Test
  void rejectsAnUnknownKeyWith401() {
    // Before the key topic is loaded an unknown key gets 503, not 401.
    awaitReady();

    as("pk-never-published-" + UUID.randomUUID(), secret)
        .contentType("application/json")
        .body("{}")
        .post("/v1/traces")
        .then()
        .statusCode(401)
        .body("detail", containsString("unknown"));
  }

  @Test
  void rejectsMalformedJsonWith400NamingTheProblem() throws Exception {
    keyAccepted();

    as(publicKey, secret)
        .contentType("application/json")
        .body("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"xyz\"}]}]}]}")
        .post("/v1/traces")
        .then()
        .statusCode(400)
        .body("detail", containsString("resourceSpans[0].scopeSpans[0].spans[0].traceId"));
  }

  @Test
  void rejectsAnUnsupportedContentTypeWith415() throws Exception {
    keyAccepted();

    as(publicKey, secret)
        .contentType("text/plain")
        .body("hello")
        .post("/v1/traces")
        .then()
        .statusCode(415)
        .body("detail", containsString("application/x-protobuf"));
  }

  @Test
  void rejectsAGzipBombBeyondTheBodyLimitWith413() throws Exception {
    keyAccepted();
    byte[] zeros = new byte[11 * 1024 * 1024];

    as(publicKey, secret)
        .contentType("application/json")
        .header("Content-Encoding", "gzip")
        .body(gzip(zeros))
        .post("/v1/traces")
        .then()
        .statusCode(413)
        .body("detail", containsString("decompressed"));
  }

  @Test
  void stopsAcceptingARevokedKeyWithinFiveSeconds() throws Exception {
    keyAccepted();

    kafka.publishKey(publicKey, projectId, secret, true);

    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                as(publicKey, secret)
                        .contentType("application/json")
                        .body("{\"resourceSpans\":[]}")
                        .post("/v1/traces")
                        .statusCode()
                    == 401);
  }

  @Test
  void reportsReadyOnceTheKeysAreLoaded() {
    awaitReady();

    given()
        .get("/q/health/ready")
        .then()
        .body("checks[0].data.apiKeysLoaded", equalTo(true))
        .body("checks[0].data.kafkaReachable", equalTo(true));
  }

  private static void awaitReady() {
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                given()
                    .get("/q/health/ready")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("UP")));
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(bytes);
    }
    return out.toByteArray();
  }
}
