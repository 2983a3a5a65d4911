package dev.sightline.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.sightline.clickhouse.ClickHouseClient;
import dev.sightline.query.storage.ApiKeyRepository;
import dev.sightline.query.storage.ProjectRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /api/v1/observations against the real ClickHouse; project B reuses project A's ids. */
@QuarkusTest
class ObservationSearchTest {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String PROJECT_A = "proj_obs_a_" + RUN;
  private static final String PROJECT_B = "proj_obs_b_" + RUN;
  private static final String SECRET_A = "sk-sl-obs-a-" + RUN;
  private static final String SECRET_B = "sk-sl-obs-b-" + RUN;
  private static final long NOW_US = Instant.now().toEpochMilli() * 1000;
  private static final long BASE_US = NOW_US - 3_600_000_000L;
  private static final int PAGE_ROWS = 12;

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
    TestProjects.create(projects, keys, PROJECT_A, "pk-sl-obs-a-" + RUN, SECRET_A);
    TestProjects.create(projects, keys, PROJECT_B, "pk-sl-obs-b-" + RUN, SECRET_B);
    ObservationSeed.insert(clickHouse, PROJECT_A, PROJECT_B, BASE_US, PAGE_ROWS);
  }

  @Test
  void eachFilterNarrowsTheResult() {
    assertThat(ids(Map.of("name", "retrieve"))).containsExactly("t1/o2");
    assertThat(ids(Map.of("type", "SPAN"))).containsExactly("t1/o2");
    assertThat(ids(Map.of("model", "claude-3"))).containsExactly("t2/o1");
    assertThat(ids(Map.of("promptName", "greet"))).containsExactlyInAnyOrder("t1/o1", "t2/o1");
    assertThat(ids(Map.of("promptName", "greet", "promptVersion", "2"))).containsExactly("t2/o1");
    assertThat(ids(Map.of("level", "ERROR"))).containsExactly("t1/o2");
    assertThat(ids(Map.of("hasError", "true"))).containsExactly("t1/o2");
    assertThat(ids(Map.of("hasError", "false", "traceId", "t1"))).containsExactly("t1/o1");
    assertThat(ids(Map.of("environment", "dev"))).containsExactly("t2/o1");
    assertThat(ids(Map.of("minCost", "0.005"))).containsExactly("t2/o1");
    assertThat(ids(Map.of("minCost", "0.0005", "maxCost", "0.002"))).containsExactly("t1/o1");
    assertThat(ids(Map.of("minLatencyMs", "4000"))).containsExactly("t1/o2");
    assertThat(ids(Map.of("minLatencyMs", "1500", "maxLatencyMs", "2500")))
        .containsExactly("t2/o1");
    assertThat(ids(Map.of("userId", "u-1"))).containsExactlyInAnyOrder("t1/o1", "t1/o2");
    assertThat(ids(Map.of("sessionId", "s-2"))).containsExactly("t2/o1");
    assertThat(ids(Map.of("q", "привет мир"))).containsExactly("t1/o1");
    assertThat(ids(Map.of("q", "ЁЛКа"))).containsExactly("t1/o2");
    assertThat(ids(Map.of("traceId", "t2"))).containsExactly("t2/o1");
    assertThat(ids(Map.of("from", iso(BASE_US + 2_500_000), "to", iso(BASE_US + 3_500_000))))
        .containsExactly("t2/o1");
  }

  @Test
  void returnsTheSummaryFields() {
    Response r = search(SECRET_A, Map.of("traceId", "t2"));
    r.then()
        .statusCode(200)
        .body("data[0].id", equalTo("o1"))
        .body("data[0].traceId", equalTo("t2"))
        .body("data[0].type", equalTo("GENERATION"))
        .body("data[0].model", equalTo("claude-3"))
        .body("data[0].promptName", equalTo("greet"))
        .body("data[0].environment", equalTo("dev"))
        .body("data[0].level", equalTo("WARNING"))
        .body("nextCursor", equalTo(null));
    assertThat(r.jsonPath().getDouble("data[0].promptVersion")).isEqualTo(2.0);
    assertThat(r.jsonPath().getDouble("data[0].cost.total")).isEqualTo(0.01);
    assertThat(r.jsonPath().getDouble("data[0].latencyMs")).isEqualTo(2000.0);
  }

  @Test
  void pagesThroughEveryRowOnceWhileNewRowsArriveEvenWithIdsRepeatedAcrossTraces() {
    for (String sort : List.of("timestamp", "cost", "latency")) {
      for (String order : List.of("desc", "asc")) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
          Map<String, Object> params =
              new HashMap<>(Map.of("name", "page", "sort", sort, "order", order, "limit", "5"));
          if (cursor != null) {
            params.put("cursor", cursor);
          }
          Response page = search(SECRET_A, params);
          page.then().log().ifValidationFails().statusCode(200);
          seen.addAll(keysOf(page));
          cursor = page.jsonPath().getString("nextCursor");
          if (pages++ == 1) {
            ObservationSeed.insertLate(clickHouse, PROJECT_A, BASE_US, sort + order);
          }
        } while (cursor != null && pages < 50);
        List<String> original = seen.stream().filter(id -> id.startsWith("pt-")).toList();
        assertThat(original).as(sort + " " + order).doesNotHaveDuplicates().hasSize(PAGE_ROWS * 2);
        assertThat(new HashSet<>(seen)).as(sort + " " + order).hasSameSizeAs(seen);
      }
    }
  }

  @Test
  void projectBNeverSeesProjectAObservations() {
    List<Map<String, Object>> filters =
        List.of(
            Map.of("name", "retrieve"),
            Map.of("type", "SPAN"),
            Map.of("model", "claude-3"),
            Map.of("promptName", "greet"),
            Map.of("level", "ERROR"),
            Map.of("hasError", "true"),
            Map.of("environment", "dev"),
            Map.of("minCost", "0.0005"),
            Map.of("minLatencyMs", "1000"),
            Map.of("userId", "u-2"),
            Map.of("sessionId", "s-2"),
            Map.of("q", "привет"),
            Map.of("traceId", "t2"),
            Map.of("name", "page"));
    for (Map<String, Object> filter : filters) {
      assertThat(ids(SECRET_B, filter)).as(filter.toString()).isEmpty();
    }
    // B has its own t1/o1 (same ids as A's): B's key gets exactly B's row, never A's.
    for (Map<String, Object> filter :
        List.<Map<String, Object>>of(
            Map.of(),
            Map.of("userId", "u-1"),
            Map.of("traceId", "t1"),
            Map.of("sessionId", "s-1"),
            Map.of("sort", "cost", "order", "asc"))) {
      Response r = search(SECRET_B, filter);
      assertThat(keysOf(r)).as(filter.toString()).containsExactly("t1/o1");
      assertThat(r.jsonPath().getString("data[0].name")).isEqualTo("b-llm");
    }
  }

  @Test
  void rejectsBadParametersWith400NamingThem() {
    badRequest(Map.of("from", iso(NOW_US - 40 * 86_400_000_000L)), "to");
    badRequest(Map.of("from", iso(NOW_US), "to", iso(NOW_US - 1)), "from");
    badRequest(Map.of("limit", "201"), "limit");
    badRequest(Map.of("sort", "name"), "sort");
    badRequest(Map.of("order", "up"), "order");
    badRequest(Map.of("level", "FATAL"), "level");
    badRequest(Map.of("hasError", "maybe"), "hasError");
    badRequest(Map.of("maxLatencyMs", "-1"), "maxLatencyMs");
    badRequest(Map.of("promptVersion", "1"), "promptVersion");
    badRequest(Map.of("cursor", "bm9wZQ"), "cursor");
    badRequest(Map.of("name", "x".repeat(1001)), "name");
  }

  @Test
  void describesTheSearchInOpenApi() {
    given()
        .queryParam("format", "json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("paths.'/api/v1/observations'.get.summary", equalTo("Search observations"))
        .body(
            "paths.'/api/v1/observations'.get.parameters.name",
            hasItems("promptName", "traceId", "q"))
        .body(
            "paths.'/api/v1/traces'.get.parameters.name",
            hasItems("promptName", "scoreName", "minScore"));
  }

  private void badRequest(Map<String, Object> params, String parameter) {
    search(SECRET_A, params)
        .then()
        .log()
        .ifValidationFails()
        .statusCode(400)
        .contentType(containsString("application/problem+json"))
        .body("detail", containsString(parameter));
  }

  private List<String> ids(Map<String, Object> params) {
    return ids(SECRET_A, params);
  }

  private List<String> ids(String secret, Map<String, Object> params) {
    Response r = search(secret, params);
    r.then().log().ifValidationFails().statusCode(200);
    return keysOf(r).stream().filter(k -> !k.startsWith("pt-")).toList();
  }

  private static List<String> keysOf(Response r) {
    List<String> traces = r.jsonPath().getList("data.traceId", String.class);
    List<String> ids = r.jsonPath().getList("data.id", String.class);
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      keys.add(traces.get(i) + "/" + ids.get(i));
    }
    return keys;
  }

  private Response search(String secret, Map<String, Object> params) {
    RequestSpecification request = given().header("Authorization", "Bearer " + secret);
    Map<String, Object> all = new HashMap<>();
    all.put("from", iso(BASE_US - 60_000_000));
    all.put("to", iso(NOW_US + 60_000_000));
    all.put("limit", "200");
    all.putAll(params);
    for (Map.Entry<String, Object> p : all.entrySet()) {
      request.queryParam(p.getKey(), p.getValue());
    }
    return request.log().ifValidationFails().get("/api/v1/observations");
  }

  static String iso(long micros) {
    return Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000).toString();
  }
}
