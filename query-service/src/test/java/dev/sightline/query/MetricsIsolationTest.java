package dev.sightline.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

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

/**
 * Project B's key never sees or counts project A's data through metrics, per-trace distributions or
 * export, although both projects use the same step, model, trace names and ids.
 */
@QuarkusTest
class MetricsIsolationTest {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String A = "proj_iso_a_" + RUN;
  private static final String B = "proj_iso_b_" + RUN;
  private static final String SECRET_A = "sk-sl-iso-a-" + RUN;
  private static final String SECRET_B = "sk-sl-iso-b-" + RUN;
  private static final Instant BASE =
      Instant.now().truncatedTo(ChronoUnit.HOURS).minusSeconds(2 * 3600);

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
    TestProjects.create(projects, keys, A, SECRET_A);
    TestProjects.create(projects, keys, B, SECRET_B);
    List<Map<String, Object>> windows = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Map<String, Object> a =
          WindowRows.window(
              A, BASE.plusSeconds(60L * i), "chat", "gpt-4o", WindowRows.range(900, 100));
      a.put("errors", 50);
      a.put("cost_usd", 100.0);
      windows.add(a);
    }
    Map<String, Object> b = WindowRows.window(B, BASE, "chat", "gpt-4o", 5, 5, 5, 5, 5, 5, 5);
    b.put("errors", 1);
    b.put("cost_usd", 0.07);
    windows.add(b);
    clickHouse.insertJsonEachRow("observation_aggregates", SearchRows.lines(windows));
    // A gets t1..t3 as in MetricsTest; B only t1 with one cheap, fast observation.
    RawMetricRows.insert(clickHouse, A, BASE);
    long us = BASE.plusSeconds(1800).toEpochMilli() * 1000;
    Map<String, Object> t = SearchRows.trace(B, "t1", us);
    t.put("release", "r1");
    t.put("user_id", "u1");
    clickHouse.insertJsonEachRow("traces", SearchRows.lines(List.of(t)));
    Map<String, Object> o = SearchRows.observation(B, "t1", "t1-o0", us, 2000);
    o.put("name", "chat");
    o.put("model", "gpt-4o");
    o.put("cost_total", 0.002);
    o.put("latency_ms", 2.0);
    clickHouse.insertJsonEachRow("observations", SearchRows.lines(List.of(o)));
  }

  @Test
  void aggregateMetricsCountOnlyTheKeysProject() {
    JsonPath json = get(SECRET_B, "/api/v1/metrics", Map.of("groupBy", "step,model"));
    assertThat(json.getList("groups")).hasSize(1);
    Map<String, Object> totals = json.getMap("groups[0].totals");
    assertThat(number(totals, "count")).isEqualTo(7);
    assertThat(number(totals, "errors")).isEqualTo(1);
    assertThat(number(totals, "costUsd")).isCloseTo(0.07, within(1e-9));
    assertThat(number(totals, "latencyP99Ms")).isCloseTo(5, withinPercentage(1));
    JsonPath series = get(SECRET_B, "/api/v1/metrics", Map.of("interval", "1m"));
    assertThat(series.getList("groups[0].series")).hasSize(1);
    JsonPath a = get(SECRET_A, "/api/v1/metrics", Map.of());
    assertThat(number(a.getMap("groups[0].totals"), "count")).isEqualTo(500);
  }

  @Test
  void rawMetricsByReleaseAndUserCountOnlyTheKeysProject() {
    for (String dimension : List.of("release", "user")) {
      JsonPath json = get(SECRET_B, "/api/v1/metrics", Map.of("groupBy", dimension));
      assertThat(json.getList("groups")).as(dimension).hasSize(1);
      Map<String, Object> totals = json.getMap("groups[0].totals");
      assertThat(number(totals, "count")).as(dimension).isEqualTo(1);
      assertThat(number(totals, "errors")).as(dimension).isEqualTo(0);
      assertThat(number(totals, "latencyP99Ms")).as(dimension).isEqualTo(2);
    }
  }

  @Test
  void perTraceDistributionsCountOnlyTheKeysProject() {
    JsonPath json = get(SECRET_B, "/api/v1/metrics/traces", Map.of("groupBy", "name"));
    assertThat(json.getList("groups")).hasSize(1);
    assertThat(number(json.getMap("groups[0]"), "traces")).isEqualTo(1);
    assertThat(json.getDouble("groups[0].costUsd.total")).isCloseTo(0.002, within(1e-9));
    assertThat(json.getDouble("groups[0].latencyMs.p99")).isCloseTo(2, within(1e-9));
  }

  @Test
  void exportListsOnlyTheKeysProject() {
    for (String format : List.of("jsonl", "csv")) {
      String body =
          given()
              .header("Authorization", "Bearer " + SECRET_B)
              .queryParams(range(Map.of("format", format)))
              .get("/api/v1/traces/export")
              .then()
              .statusCode(200)
              .extract()
              .asString();
      assertThat(body).as(format).contains("t1").doesNotContain("t2").doesNotContain("t3");
    }
  }

  private static double number(Map<String, Object> values, String field) {
    return ((Number) values.get(field)).doubleValue();
  }

  private static JsonPath get(String secret, String path, Map<String, Object> params) {
    return given()
        .header("Authorization", "Bearer " + secret)
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

  private static Map<String, Object> range(Map<String, Object> params) {
    Map<String, Object> all = new HashMap<>();
    all.put("from", BASE.toString());
    all.put("to", BASE.plusSeconds(3600).toString());
    all.putAll(params);
    return all;
  }
}
