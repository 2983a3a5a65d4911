package dev.sightline.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.sightline.clickhouse.ClickHouseClient;
import dev.sightline.query.config.QueryConfig;
import dev.sightline.query.domain.Scope;
import dev.sightline.query.domain.SecretHash;
import dev.sightline.query.storage.ApiKeyEntity;
import dev.sightline.query.storage.ApiKeyRepository;
import dev.sightline.query.storage.DemoProjectBootstrap;
import dev.sightline.query.storage.ProjectEntity;
import dev.sightline.query.storage.ProjectRepository;
import dev.sightline.schemas.avro.ApiKeyRecord;
import dev.sightline.schemas.topics.Topics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One boot against the real PostgreSQL, ClickHouse and Kafka; every test uses its own ids. */
@QuarkusTest
class QueryServiceTest {

  private static final String TRACE_ID = "t-" + UUID.randomUUID();
  private static final String OBSERVATIONS_ONLY_TRACE_ID = "t-" + UUID.randomUUID();
  private static final long BASE_US = Instant.now().toEpochMilli() * 1000;

  @Inject ClickHouseClient clickHouse;
  @Inject QueryConfig config;
  @Inject ServiceStartup startup;
  @Inject ProjectRepository projects;
  @Inject ApiKeyRepository keys;

  @ConfigProperty(name = "sightline.demo.public-key")
  String demoPublicKey;

  @ConfigProperty(name = "sightline.demo.secret-key")
  String demoSecretKey;

  private static boolean inserted;

  @BeforeAll
  static void readDecimalsAsDoubles() {
    RestAssured.config =
        RestAssured.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE));
  }

  @BeforeEach
  void insertTracesOnce() {
    if (inserted) {
      return;
    }
    inserted = true;
    TraceRows rows = new TraceRows(DemoProjectBootstrap.PROJECT_ID, BASE_US);
    clickHouse.insertJsonEachRow("traces", bytes(rows.trace(TRACE_ID)));
    clickHouse.insertJsonEachRow(
        "observations",
        bytes(
            rows.span(TRACE_ID, "span-1"),
            rows.generation(TRACE_ID, "gen-1", "span-1"),
            rows.generation(OBSERVATIONS_ONLY_TRACE_ID, "gen-2", null)));
    clickHouse.insertJsonEachRow("scores", bytes(rows.score(TRACE_ID, "score-1", "gen-1")));
  }

  private static byte[] bytes(String... lines) {
    return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void returnsTheTraceTreeWithModelTokensCostLatencyAndScores() {
    given()
        .auth()
        .preemptive()
        .basic(demoPublicKey, demoSecretKey)
        .when()
        .get("/api/v1/traces/{id}", TRACE_ID)
        .then()
        .statusCode(200)
        .body("id", equalTo(TRACE_ID))
        .body("projectId", equalTo(DemoProjectBootstrap.PROJECT_ID))
        .body("name", equalTo("chat"))
        .body("tags", contains("a", "b"))
        .body("metadata.k", equalTo("v"))
        .body("latencyMs", closeTo(1500.0, 0.001))
        .body("totalCostUsd", closeTo(0.00075, 1e-9))
        .body("observations", hasSize(2))
        .body("observations[0].id", equalTo("span-1"))
        .body("observations[0].parentId", nullValue())
        .body("observations[1].parentId", equalTo("span-1"))
        .body("observations[1].model", equalTo("gpt-4o"))
        .body("observations[1].usage.input", equalTo(100))
        .body("observations[1].usage.output", equalTo(50))
        .body("observations[1].usage.total", equalTo(150))
        .body("observations[1].cost.total", closeTo(0.00075, 1e-9))
        .body("observations[1].cost.source", equalTo("PRICE_TABLE"))
        .body("observations[1].latencyMs", closeTo(1000.0, 0.001))
        .body("observations[1].attributes.'http.route'", equalTo("/chat"))
        .body("scores", hasSize(1))
        .body("scores[0].name", equalTo("helpfulness"))
        .body("scores[0].value", closeTo(0.9, 1e-9))
        .body("scores[0].observationId", equalTo("gen-1"))
        .body("timestamp", equalTo(Instant.ofEpochMilli(BASE_US / 1000).toString()));
  }

  @Test
  void returnsATraceThatSoFarExistsOnlyAsObservations() {
    given()
        .header("Authorization", "Bearer " + demoSecretKey)
        .when()
        .get("/api/v1/traces/{id}", OBSERVATIONS_ONLY_TRACE_ID)
        .then()
        .statusCode(200)
        .body("name", nullValue())
        .body("observations", hasSize(1))
        .body("observations[0].id", equalTo("gen-2"));
  }

  @Test
  void rejectsAWrongSecretWith401ProblemJson() {
    given()
        .auth()
        .preemptive()
        .basic(demoPublicKey, "sk-wrong")
        .when()
        .get("/api/v1/traces/{id}", TRACE_ID)
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", containsString("Basic"))
        .body("status", equalTo(401))
        .body("title", equalTo("Unauthorized"))
        .body("type", equalTo("about:blank"))
        .body("detail", containsString("Invalid"));
  }

  @Test
  void rejectsARequestWithoutAuthorizationWith401() {
    given()
        .when()
        .get("/api/v1/traces/{id}", TRACE_ID)
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("detail", containsString("Authorization"));
  }

  @Test
  void hidesTheTraceFromAKeyOfAnotherProjectWith404() {
    String projectId = "proj_" + UUID.randomUUID().toString().replace("-", "");
    String publicKey = "pk-" + UUID.randomUUID();
    String secret = "sk-" + UUID.randomUUID();
    createProjectWithKey(projectId, publicKey, secret, false);

    given()
        .auth()
        .preemptive()
        .basic(publicKey, secret)
        .when()
        .get("/api/v1/traces/{id}", TRACE_ID)
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404))
        .body("title", equalTo("Not Found"));
  }

  @Test
  void rejectsARevokedKeyWith401() {
    String publicKey = "pk-" + UUID.randomUUID();
    String secret = "sk-" + UUID.randomUUID();
    createProjectWithKey(
        "proj_" + UUID.randomUUID().toString().replace("-", ""), publicKey, secret, true);

    given()
        .auth()
        .preemptive()
        .basic(publicKey, secret)
        .when()
        .get("/api/v1/traces/{id}", TRACE_ID)
        .then()
        .statusCode(401)
        .body("detail", containsString("revoked"));
  }

  @Test
  void pushesTheDemoKeyToTheKeysTopicWithTheSecretOnlyAsSha256() {
    AtomicReference<ApiKeyRecord> found = new AtomicReference<>();
    try (KafkaConsumer<String, ApiKeyRecord> consumer =
        new KafkaConsumer<>(
            Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers()),
            Topics.API_KEYS.keySerde().deserializer(),
            Topics.API_KEYS.valueSerde().deserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.API_KEYS.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> {
                for (ConsumerRecord<String, ApiKeyRecord> r :
                    consumer.poll(Duration.ofMillis(500))) {
                  if (demoPublicKey.equals(r.key())) {
                    found.set(r.value());
                  }
                }
                // The topic is shared and compacted lazily; stop once the end is reached.
                return found.get() != null
                    && partitions.stream()
                        .allMatch(
                            p -> consumer.position(p) >= consumer.endOffsets(List.of(p)).get(p));
              });
    }

    ApiKeyRecord record = found.get();
    assertThat(record.getProjectId()).isEqualTo(DemoProjectBootstrap.PROJECT_ID);
    assertThat(record.getSecretSha256()).isEqualTo(SecretHash.sha256Hex(demoSecretKey));
    assertThat(record.getRevoked()).isFalse();
  }

  @Test
  void bootstrappingTheDemoAgainChangesNothing() {
    Instant createdBefore = demoProjectCreatedAt();
    // Other suites (system-tests) add their own keys to the shared demo project: compare counts.
    long demoKeysBefore = demoKeyCount();

    startup.bootstrapDemo();
    startup.bootstrapDemo();

    assertThat(demoKeyCount()).isEqualTo(demoKeysBefore);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              assertThat(projects.count("id", DemoProjectBootstrap.PROJECT_ID)).isEqualTo(1);
              assertThat(projects.count("name", DemoProjectBootstrap.PROJECT_NAME)).isEqualTo(1);
              assertThat(keys.findById(demoPublicKey).secretSha256())
                  .isEqualTo(SecretHash.sha256Hex(demoSecretKey));
            });
    assertThat(demoProjectCreatedAt()).isEqualTo(createdBefore);
  }

  @Test
  void describesTheTraceEndpointInOpenApi() {
    given()
        .queryParam("format", "json")
        .when()
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("paths.'/api/v1/traces/{traceId}'.get.summary", equalTo("Get one trace"));
  }

  @Test
  void isReadyWhenPostgresClickHouseAndKafkaAnswer() {
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200)
        .body("status", equalTo("UP"));
  }

  private long demoKeyCount() {
    return QuarkusTransaction.requiringNew()
        .call(() -> keys.count("projectId", DemoProjectBootstrap.PROJECT_ID));
  }

  private Instant demoProjectCreatedAt() {
    return QuarkusTransaction.requiringNew()
        .call(() -> projects.findById(DemoProjectBootstrap.PROJECT_ID).createdAt());
  }

  private void createProjectWithKey(
      String projectId, String publicKey, String secret, boolean revoked) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Instant now = Instant.now();
              projects.persist(new ProjectEntity(projectId, "other", 30, now));
              ApiKeyEntity key =
                  new ApiKeyEntity(
                      publicKey, projectId, SecretHash.sha256Hex(secret), Scope.ALL, now);
              if (revoked) {
                key.revoke(now);
              }
              keys.persist(key);
            });
  }
}
