package dev.sightline.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.sightline.clickhouse.ClickHouseClient;
import dev.sightline.query.storage.ApiKeyRepository;
import dev.sightline.query.storage.ProjectRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /api/v1/metrics and /api/v1/metrics/traces against the real ClickHouse. */
@QuarkusTest
class MetricsTest {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String PROJECT = "proj_metrics_" + RUN;
  private static final String CROWDED = "proj_metrics_crowded_" + RUN;
  private static final String SECRET = "sk-sl-metrics-" + RUN;
  private static final String CROWDED_SECRET = "sk-sl-metrics-crowded-" + RUN;
  // Hour-aligned, so 5-minute buckets start exactly at BASE and BASE + 5m.
  private static final Instant BASE =
      Instant.now().truncatedTo(ChronoUnit.HOURS).minusSeconds(3 * 3600);

  private static boolean inserted;

  @Inject ClickHouseClient clickHouse;
  @Inject ProjectRepository projects;
  @Inject ApiKeyRepository keys;

  @BeforeEach
  void insertOnce() {
    if (inserted) {
      return;
    }
    inserted = true;
    TestProjects.create(projects, keys, PROJECT, SECRET);
    TestProjects.create(projects, keys, CROWDED, CROWDED_SECRET);
    List<Map<String, Object>> windows = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      // Window i holds 100i+1 .. 100i+100 ms: averaging per-window p95/p99 would be far off.
      Map<String, Object> w =
          WindowRows.window(
              PROJECT,
              BASE.plusSeconds(60L * i),
              "chat",
              "gpt-4o",
              WindowRows.range(100 * i + 1, 100));
      w.put("environment", "prod");
      w.put("prompt_name", "qa");
      w.put("prompt_version", 3);
      w.put("errors", i);
      w.put("input_tokens", 1000);
      w.put("output_tokens", 500);
      w.put("cost_usd", 0.1);
      windows.add(w);
    }
    // An earlier state of window 0: FINAL must keep only the later one (version 100).
    Map<String, Object> stale =
        WindowRows.window(PROJECT, BASE, "chat", "gpt-4o", WindowRows.range(1, 50));
    stale.put("environment", "prod");
    stale.put("prompt_name", "qa");
    stale.put("prompt_version", 3);
    windows.add(stale);
    for (int i = 0; i < 2; i++) {
      // The second window as written before migration 0004: a base64 sketch, no bins.
      Map<String, Object> w =
          i == 0
              ? WindowRows.window(
                  PROJECT, BASE.plusSeconds(60L * i), "summarize", "claude-3", constant(2000, 10))
              : WindowRows.legacyWindow(
                  PROJECT, BASE.plusSeconds(60L * i), "summarize", "claude-3", constant(2000, 10));
      w.put("environment", "dev");
      windows.add(w);
    }
    for (int i = 0; i < 1001; i++) {
      windows.add(WindowRows.window(CROWDED, BASE, "step-" + i, "m", 1.0));
    }
    clickHouse.insertJsonEachRow("observation_aggregates", SearchRows.lines(windows));
    RawMetricRows.insert(clickHouse, PROJECT, BASE);
  }

  @Test
  void totalsSumCountersAndMergeSketchesWithinOnePercent() {
    JsonPath json = ok(Map.of("groupBy", "model"));
    assertThat(json.getString("source")).isEqualTo("aggregates");
    Map<String, Object> gpt = group(json, "model", "gpt-4o");
    Map<String, Object> totals = map(gpt.get("totals"));
    assertThat(number(totals, "count")).isEqualTo(1000);
    assertThat(number(totals, "errors")).isEqualTo(45);
    assertThat(number(totals, "errorRate")).isCloseTo(0.045, within(1e-9));
    assertThat(number(totals, "inputTokens")).isEqualTo(10000);
    assertThat(number(totals, "outputTokens")).isEqualTo(5000);
    assertThat(number(totals, "costUsd")).isCloseTo(1.0, within(1e-9));
    // Exact values of 1..1000 at rank q*(n-1): 500, 950, 990.
    assertThat(number(totals, "latencyP50Ms")).isCloseTo(500, withinPercentage(1));
    assertThat(number(totals, "latencyP95Ms")).isCloseTo(950, withinPercentage(1));
    assertThat(number(totals, "latencyP99Ms")).isCloseTo(990, withinPercentage(1));
    Map<String, Object> claude = map(group(json, "model", "claude-3").get("totals"));
    assertThat(number(claude, "count")).isEqualTo(20);
    assertThat(number(claude, "latencyP99Ms")).isCloseTo(2000, withinPercentage(1));
    assertThat(gpt.get("series")).isNull();
  }

  @Test
  void aTimeSeriesHasOnePointPerIntervalWithItsOwnQuantiles() {
    JsonPath json = ok(Map.of("groupBy", "model", "model", "gpt-4o", "interval", "5m"));
    assertThat(json.getString("interval")).isEqualTo("5m");
    List<Map<String, Object>> series = json.getList("groups[0].series");
    assertThat(series).hasSize(2);
    assertThat(series.get(0).get("start")).isEqualTo(BASE.toString());
    assertThat(series.get(1).get("start")).isEqualTo(BASE.plusSeconds(300).toString());
    Map<String, Object> first = map(series.get(0).get("metrics"));
    Map<String, Object> second = map(series.get(1).get("metrics"));
    assertThat(number(first, "count")).isEqualTo(500);
    assertThat(number(second, "count")).isEqualTo(500);
    assertThat(number(first, "latencyP99Ms")).isCloseTo(495, withinPercentage(1));
    assertThat(number(second, "latencyP99Ms")).isCloseTo(995, withinPercentage(1));
    assertThat(number(map(json.getMap("groups[0].totals")), "latencyP99Ms"))
        .isCloseTo(990, withinPercentage(1));
  }

  @Test
  void groupsByStepPromptAndEnvironment() {
    JsonPath json = ok(Map.of("groupBy", "step,prompt,environment"));
    assertThat(json.getList("groups")).hasSize(2);
    Map<String, Object> chat = map(group(json, "step", "chat").get("key"));
    assertThat(chat).containsEntry("promptName", "qa").containsEntry("environment", "prod");
    assertThat(number(chat, "promptVersion")).isEqualTo(3);
    Map<String, Object> summarize = map(group(json, "step", "summarize").get("key"));
    assertThat(summarize)
        .containsEntry("promptName", null)
        .containsEntry("promptVersion", null)
        .containsEntry("environment", "dev");
  }

  @Test
  void eachFilterNarrowsTheMetrics() {
    assertThat(totalCount(Map.of("name", "summarize"))).isEqualTo(20);
    assertThat(totalCount(Map.of("environment", "prod"))).isEqualTo(1000);
    assertThat(totalCount(Map.of("model", "claude-3"))).isEqualTo(20);
    assertThat(totalCount(Map.of("promptName", "qa", "promptVersion", "3"))).isEqualTo(1000);
    assertThat(totalCount(Map.of("promptVersion", "0"))).isEqualTo(20);
    assertThat(ok(Map.of("model", "no-such-model")).getList("groups")).isEmpty();
  }

  @Test
  void groupsByReleaseAndUserFromRawObservationsWithExactQuantiles() {
    JsonPath json = ok(Map.of("groupBy", "release"));
    assertThat(json.getString("source")).isEqualTo("observations");
    Map<String, Object> r1 = map(group(json, "release", "r1").get("totals"));
    assertThat(number(r1, "count")).isEqualTo(4);
    assertThat(number(r1, "errors")).isEqualTo(1);
    assertThat(number(r1, "costUsd")).isCloseTo(0.04, within(1e-9));
    // ClickHouse quantilesExact takes the element at index floor(q * n) of 10, 20, 30, 40.
    assertThat(number(r1, "latencyP50Ms")).isEqualTo(30);
    assertThat(number(r1, "latencyP99Ms")).isEqualTo(40);
    JsonPath byUser = ok(Map.of("groupBy", "user", "interval", "1h"));
    Map<String, Object> u2 = group(byUser, "userId", "u2");
    assertThat(number(map(u2.get("totals")), "count")).isEqualTo(2);
    assertThat((List<?>) u2.get("series")).hasSize(1);
  }

  @Test
  void tracesGetCostAndLatencyPerTrace() {
    JsonPath json = okAt("/api/v1/metrics/traces", Map.of("name", "chat"));
    Map<String, Object> all = json.getMap("groups[0]");
    assertThat(number(all, "traces")).isEqualTo(2);
    Map<String, Object> cost = map(all.get("costUsd"));
    assertThat(number(cost, "total")).isCloseTo(0.34, within(1e-9));
    assertThat(number(cost, "mean")).isCloseTo(0.17, within(1e-9));
    assertThat(number(cost, "p99")).isCloseTo(0.3, within(1e-9));
    assertThat(number(map(all.get("latencyMs")), "p99")).isCloseTo(250, within(1e-6));
    JsonPath byName = okAt("/api/v1/metrics/traces", Map.of("groupBy", "name"));
    assertThat(byName.getList("groups.name")).containsExactly("chat", "other");
    assertThat(byName.getDouble("groups[1].costUsd.total")).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void rejectsTooManyGroupsAndBadParametersWith400NamingThem() {
    badRequest(CROWDED_SECRET, Map.of("groupBy", "step"), "groupBy");
    assertThat(
            given()
                .header("Authorization", "Bearer " + CROWDED_SECRET)
                .queryParams(range(Map.of("groupBy", "model")))
                .get("/api/v1/metrics")
                .statusCode())
        .isEqualTo(200);
    badRequest(
        SECRET, Map.of("interval", "1m", "from", BASE.minusSeconds(86_400).toString()), "interval");
    badRequest(SECRET, Map.of("interval", "90s"), "interval");
    badRequest(SECRET, Map.of("groupBy", "model,tenant"), "groupBy");
    badRequest(SECRET, Map.of("promptVersion", "-1"), "promptVersion");
    badRequest(SECRET, Map.of("from", BASE.minusSeconds(40L * 86_400).toString()), "to");
    given()
        .header("Authorization", "Bearer " + SECRET)
        .get("/api/v1/metrics")
        .then()
        .statusCode(400)
        .body("detail", containsString("from"));
  }

  @Test
  void describesTheMetricsInOpenApi() {
    given()
        .queryParam("format", "json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("paths.'/api/v1/metrics'.get.summary", equalTo("Observation metrics"))
        .body("paths.'/api/v1/metrics/traces'.get.summary", equalTo("Cost and latency per trace"));
  }

  private long totalCount(Map<String, Object> params) {
    List<Map<String, Object>> groups = ok(params).getList("groups");
    assertThat(groups).hasSize(1);
    return (long) number(map(groups.get(0).get("totals")), "count");
  }

  private static Map<String, Object> group(JsonPath json, String dimension, String value) {
    List<Map<String, Object>> groups = json.getList("groups");
    return groups.stream()
        .filter(g -> value.equals(map(g.get("key")).get(dimension)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no group " + dimension + "=" + value));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  // Numbers compared as doubles: another suite switches RestAssured's number type globally.
  private static double number(Map<String, Object> values, String field) {
    return ((Number) values.get(field)).doubleValue();
  }

  private JsonPath ok(Map<String, Object> params) {
    return okAt("/api/v1/metrics", params);
  }

  private JsonPath okAt(String path, Map<String, Object> params) {
    return given()
        .header("Authorization", "Bearer " + SECRET)
        .queryParams(range(params))
        .get(path)
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200)
        .extract()
        .jsonPath()
        // Doubles, not floats: cost sums are checked to 1e-9 USD.
        .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
  }

  private void badRequest(String secret, Map<String, Object> params, String parameter) {
    given()
        .header("Authorization", "Bearer " + secret)
        .queryParams(range(params))
        .get("/api/v1/metrics")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(400)
        .contentType(containsString("application/problem+json"))
        .body("detail", containsString(parameter));
  }

  private static Map<String, Object> range(Map<String, Object> params) {
    Map<String, Object> all = new HashMap<>();
    all.put("from", BASE.toString());
    all.put("to", BASE.plusSeconds(3600).toString());
    all.putAll(params);
    return all;
  }

  private static double[] constant(double value, int count) {
    double[] out = new double[count];
    java.util.Arrays.fill(out, value);
    return out;
  }
}
