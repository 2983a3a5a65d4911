package dev.sightline.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton end to end: the four packaged services as processes against the real broker,
 * ClickHouse and PostgreSQL; one OTLP trace in, the trace with cost and score out.
 */
class SkeletonSystemIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Path ROOT = Path.of(System.getProperty("sightline.root", "..")).normalize();

  private static final String PUBLIC_KEY = "pk-sl-systest-" + UUID.randomUUID();
  private static final String SECRET_KEY = "sk-sl-systest-" + UUID.randomUUID();
  private static final List<ServiceProcess> SERVICES = new ArrayList<>();
  private static ServiceProcess ingest;
  private static ServiceProcess query;

  @BeforeAll
  static void startTheServicesAsProcesses() throws Exception {
    String run = Long.toHexString(System.nanoTime());
    Map<String, String> env = new HashMap<>();
    env.put(
        "SIGHTLINE_KAFKA_BOOTSTRAP_SERVERS", prop("sightline.kafka.bootstrap", "127.0.0.1:9092"));
    env.put("SIGHTLINE_CLICKHOUSE_URL", prop("sightline.clickhouse.url", "http://127.0.0.1:8123"));
    // A database and consumer groups of its own, so a running ./sightline up stack is not
    // disturbed.
    env.put("SIGHTLINE_CLICKHOUSE_DATABASE", "sightline_systest_" + run);
    env.put(
        "QUARKUS_DATASOURCE_JDBC_URL",
        prop("sightline.postgres.url", "jdbc:postgresql://127.0.0.1:5432/sightline_test"));
    env.put("QUARKUS_DATASOURCE_USERNAME", "sightline");
    env.put("QUARKUS_DATASOURCE_PASSWORD", "sightline");
    env.put("SIGHTLINE_DEMO_PUBLIC_KEY", PUBLIC_KEY);
    env.put("SIGHTLINE_DEMO_SECRET_KEY", SECRET_KEY);
    env.put("QUARKUS_KAFKA_STREAMS_APPLICATION_ID", "sightline-enrich-systest-" + run);
    env.put("SIGHTLINE_SINK_GROUP_ID", "sightline-sink-systest-" + run);
    env.put("SIGHTLINE_EVAL_GROUP_ID", "sightline-eval-systest-" + run);
    env.put("SIGHTLINE_INGEST_GRPC_PORT", Integer.toString(ServiceProcess.freePort()));

    query = ServiceProcess.start(ROOT, "query-service", env);
    SERVICES.add(query);
    SERVICES.add(ServiceProcess.start(ROOT, "enrich-service", env));
    SERVICES.add(ServiceProcess.start(ROOT, "eval-worker", env));
    ingest = ServiceProcess.start(ROOT, "ingest-service", env);
    SERVICES.add(ingest);
    for (ServiceProcess service : SERVICES) {
      await("ready: " + service)
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(500))
          .until(service::ready);
    }
  }

  @AfterAll
  static void stopTheServices() {
    SERVICES.forEach(ServiceProcess::close);
  }

  @Test
  void anOtlpTraceComesBackFromQueryWithCostAndScoreWithinTenSeconds() throws Exception {
    String traceId = HexFormat.of().formatHex(randomBytes(16));
    // The keys reach ingest through Kafka after query-service started; allow them to arrive.
    await("ingest accepts the demo key")
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> post(ingest.baseUrl() + "/v1/traces", demoTrace(traceId)).statusCode() == 200);
    long acknowledgedAt = System.nanoTime();

    AtomicReference<JsonNode> trace = new AtomicReference<>();
    await("trace with cost and score")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              HttpResponse<String> r = get(query.baseUrl() + "/api/v1/traces/" + traceId);
              if (r.statusCode() != 200) {
                return false;
              }
              JsonNode body = JSON.readTree(r.body());
              trace.set(body);
              return generation(body) != null
                  && !generation(body).path("cost").path("total").isMissingNode()
                  && !generation(body).path("cost").path("total").isNull()
                  && body.path("scores").size() > 0;
            });
    long millis = (System.nanoTime() - acknowledgedAt) / 1_000_000;
    System.out.printf(
        "trace %s queryable with cost and score %d ms after ingest's ack%n", traceId, millis);

    JsonNode body = trace.get();
    JsonNode generation = generation(body);
    assertThat(body.path("observations")).hasSize(3);
    assertThat(generation.path("model").asText()).isEqualTo("gpt-4o-mini");
    assertThat(generation.path("usage").path("input").asLong()).isEqualTo(412);
    assertThat(generation.path("usage").path("output").asLong()).isEqualTo(96);
    assertThat(generation.path("cost").path("total").asDouble()).isPositive();
    assertThat(generation.path("latencyMs").asDouble()).isEqualTo(200.0);
    assertThat(body.path("scores").get(0).path("name").asText()).isEqualTo("latency_budget");
    assertThat(body.path("scores").get(0).path("value").asDouble()).isEqualTo(1.0);
  }

  private static JsonNode generation(JsonNode trace) {
    for (JsonNode o : trace.path("observations")) {
      if ("GENERATION".equals(o.path("type").asText())) {
        return o;
      }
    }
    return null;
  }

  /** The same OTLP JSON that ./sightline up sends as demo traffic. */
  private static String demoTrace(String traceId) throws Exception {
    long now = System.currentTimeMillis() * 1_000_000L;
    return Files.readString(ROOT.resolve("tools/demo/otlp-demo.json"))
        .replace("@TRACE@", traceId)
        .replace("@NOW@", Long.toString(now))
        .replace("@START@", Long.toString(now - 850_000_000L))
        .replace("@MID@", Long.toString(now - 800_000_000L))
        .replace("@MID2@", Long.toString(now - 600_000_000L));
  }

  private static HttpResponse<String> post(String url, String json) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", basic())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String basic() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((PUBLIC_KEY + ":" + SECRET_KEY).getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    ThreadLocalRandom.current().nextBytes(b);
    return b;
  }

  private static String prop(String name, String fallback) {
    String v = System.getProperty(name);
    return v == null || v.isBlank() || v.startsWith("${") ? fallback : v;
  }
}
