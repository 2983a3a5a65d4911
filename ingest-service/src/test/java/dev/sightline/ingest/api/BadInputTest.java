package dev.sightline.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.avro.ObservationPayload;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
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

/** Bad input through HTTP: a clear 4xx, valid spans kept, the service still up afterwards. */
@QuarkusTest
class BadInputTest {

  private static KafkaTestClients kafka;

  private final Project project = new Project();

  @BeforeAll
  static void connect() {
    kafka =
        new KafkaTestClients(
            ConfigProvider.getConfig()
                .getOptionalValue("sightline.kafka.bootstrap-servers", String.class)
                .orElse("127.0.0.1:9092"));
  }

  @AfterAll
  static void disconnect() {
    kafka.close();
  }

  private static String hex(int bytes) {
    byte[] b = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(b);
    b[0] |= 1;
    return HexFormat.of().formatHex(b);
  }

  private RequestSpecification client() {
    return project.client();
  }

  private Response post(String contentType, String body) {
    return project.post(contentType, body);
  }

  private void keyAccepted() throws Exception {
    project.keyAccepted();
  }

  /** A project of its own with a key, so tests can filter the shared topic by project id. */
  private static final class Project {
    final String projectId = "proj-" + UUID.randomUUID();
    final String publicKey = "pk-" + UUID.randomUUID();
    final String secret = "sk-" + UUID.randomUUID();

    RequestSpecification client() {
      return given().auth().preemptive().basic(publicKey, secret);
    }

    Response post(String contentType, String body) {
      return client().contentType(contentType).body(body).post("/v1/traces");
    }

    void keyAccepted() throws Exception {
      kafka.publishKey(publicKey, projectId, secret, false);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> post("application/json", "{\"resourceSpans\":[]}").statusCode() == 200);
    }
  }

  /**
   * A child span (one event) starting now; {@code endOffsetNanos} < 0 makes it end before start.
   */
  private static String span(String traceId, String spanId, long endOffsetNanos, String input) {
    long start = System.currentTimeMillis() * 1_000_000L;
    return """
        {"traceId":"%s","spanId":"%s","parentSpanId":"00000000000000ff","name":"step",
         "startTimeUnixNano":"%d","endTimeUnixNano":"%d",
         "attributes":[{"key":"input.value","value":{"stringValue":"%s"}}]}"""
        .formatted(traceId, spanId, start, start + endOffsetNanos, input);
  }

  private static String request(List<String> spans) {
    return "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[" + String.join(",", spans) + "]}]}]}";
  }

  private static String badSpans(int n) {
    String traceId = hex(16);
    return request(
        java.util.stream.IntStream.range(0, n)
            .mapToObj(i -> span(traceId, hex(8), -1, "x"))
            .toList());
  }

  private static byte[] gzip(byte[] raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(raw);
    }
    return out.toByteArray();
  }

  @Test
  void answersMalformedJsonWith400NamingWhereAndStaysUp() throws Exception {
    keyAccepted();

    post("application/json", "{\"resourceSpans\":\n  [}")
        .then()
        .statusCode(400)
        .contentType(ProblemResponses.PROBLEM_JSON)
        .body("detail", startsWith("invalid JSON at line 2 column 4"));
    post(
            "application/json",
            "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"zz\"}]}]}]}")
        .then()
        .statusCode(400)
        .body("detail", containsString("resourceSpans[0].scopeSpans[0].spans[0].traceId"));

    given().get("/q/health/live").then().statusCode(200);
    post("application/json", "{\"resourceSpans\":[]}").then().statusCode(200);
  }

  @Test
  void answersAWrongContentTypeOrEncodingWith415() throws Exception {
    keyAccepted();

    post("text/plain", "{}").then().statusCode(415).body("detail", containsString("Content-Type"));
    client()
        .contentType("application/json")
        .header("Content-Encoding", "br")
        .body("{}")
        .post("/v1/traces")
        .then()
        .statusCode(415)
        .body("detail", containsString("Content-Encoding"));
  }

  @Test
  void answersAGzipBombWith413AndCorruptGzipWith400() throws Exception {
    keyAccepted();
    byte[] bomb = gzip(new byte[11 * 1024 * 1024]); // ~11 KB on the wire, 11 MiB inflated

    client()
        .contentType("application/json")
        .header("Content-Encoding", "gzip")
        .body(bomb)
        .post("/v1/traces")
        .then()
        .statusCode(413)
        .body("detail", containsString("decompressed request body exceeds"));
    client()
        .contentType("application/json")
        .header("Content-Encoding", "gzip")
        .body(new byte[] {31, -117, 8, 0, 1, 2, 3})
        .post("/v1/traces")
        .then()
        .statusCode(400)
        .body("detail", containsString("not valid gzip"));
  }

  @Test
  void answersMoreSpansThanAllowedPerRequestWith413() throws Exception {
    keyAccepted();

    post("application/json", badSpans(10_001))
        .then()
        .statusCode(413)
        .body("detail", containsString("10001 events; at most 10000"));
  }

  @Test
  void keepsAndMasksTheValidSpansOfARequestWithOneBadSpan() throws Exception {
    keyAccepted();
    String traceId = hex(16);
    String good = hex(8);
    String bad = hex(8);

    post(
            "application/json",
            request(
                List.of(
                    span(traceId, good, 1_000_000, "mail bob@example.com"),
                    span(traceId, bad, -1, "x"))))
        .then()
        .statusCode(200)
        .body("partialSuccess.rejectedSpans", equalTo(1))
        .body(
            "partialSuccess.errorMessage", containsString("span[1] (spanId=" + bad + ") endTime"));

    List<IngestEvent> events =
        await()
            .atMost(Duration.ofSeconds(15))
            .until(() -> kafka.eventsOf(project.projectId), list -> !list.isEmpty())
            .stream()
            .map(ConsumerRecord::value)
            .toList();
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              ObservationPayload o = (ObservationPayload) e.getPayload();
              assertThat(o.getObservationId()).isEqualTo(good);
              assertThat(o.getInput()).isEqualTo("mail [MASKED:email]");
            });
  }

  @Test
  void limitsAProjectOverItsRateWith429AndRetryAfterWhileAnotherProjectIsServed() throws Exception {
    keyAccepted();
    Project other = new Project();
    other.keyAccepted();

    // 10 000 events against a 5 000 burst at 100/s leaves a debt of fifty seconds.
    post("application/json", badSpans(10_000)).then().statusCode(200);

    Response limited = post("application/json", request(List.of(span(hex(16), hex(8), 1, "x"))));
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isNotNull();
    assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
    assertThat(limited.contentType()).startsWith(ProblemResponses.PROBLEM_JSON);
    other
        .post("application/json", request(List.of(span(hex(16), hex(8), 1, "x"))))
        .then()
        .statusCode(200);
  }
}
