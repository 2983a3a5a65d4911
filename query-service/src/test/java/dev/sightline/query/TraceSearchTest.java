package dev.sightline.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.sightline.clickhouse.ClickHouseClient;
import dev.sightline.query.domain.Scope;
import dev.sightline.query.domain.SecretHash;
import dev.sightline.query.storage.ApiKeyEntity;
import dev.sightline.query.storage.ApiKeyRepository;
import dev.sightline.query.storage.ProjectEntity;
import dev.sightline.query.storage.ProjectRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
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

/** GET /api/v1/traces against the real ClickHouse, for a random project of its own. */
@QuarkusTest
class TraceSearchTest {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String PROJECT = "proj_search_" + RUN;
  private static final String OTHER = "proj_search_other_" + RUN;
  private static final String SECRET = "sk-sl-search-" + RUN;
  private static final String OTHER_SECRET = "sk-sl-search-other-" + RUN;
  private static final long NOW_US = Instant.now().toEpochMilli() * 1000;
  private static final long BASE_US = NOW_US - 3_600_000_000L;
  private static final String HOSTILE_A = "it's a \\ back\\'slash";
  private static final List<String> HOSTILE =
      List.of(
          "'",
          "\\",
          "' OR 1=1 --",
          HOSTILE_A,
          "x FORMAT TSV",
          "x SETTINGS max_threads=1",
          "{x:String}",
          "nul\0byte",
          "%s\n\t\r");
  private static final int PAGE_ROWS = 23;

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
    createProjectWithKey(PROJECT, "pk-sl-search-" + RUN, SECRET);
    createProjectWithKey(OTHER, "pk-sl-search-other-" + RUN, OTHER_SECRET);
    List<Map<String, Object>> traces = new ArrayList<>();
    List<Map<String, Object>> observations = new ArrayList<>();

    Map<String, Object> t1 = SearchRows.trace(PROJECT, "t1", BASE_US + 1_000_000);
    t1.put("user_id", "u-1");
    t1.put("session_id", "s-1");
    t1.put("tags", List.of("a", "b"));
    t1.put("environment", "prod");
    t1.put("release", "r1");
    t1.put("input", "Привет МИР");
    traces.add(t1);
    Map<String, Object> o1 =
        SearchRows.observation(PROJECT, "t1", "o1", BASE_US + 1_000_000, 1_000_000);
    o1.put("model", "gpt-4o");
    o1.put("cost_total", 0.001);
    o1.put("prompt_name", "greet");
    o1.put("prompt_version", 2);
    observations.add(o1);

    Map<String, Object> t2 = SearchRows.trace(PROJECT, "t2", BASE_US + 2_000_000);
    t2.put("name", "search");
    t2.put("user_id", "u-2");
    t2.put("tags", List.of("a"));
    t2.put("environment", "dev");
    traces.add(t2);
    Map<String, Object> o2 =
        SearchRows.observation(PROJECT, "t2", "o2", BASE_US + 2_000_000, 5_000_000);
    o2.put("model", "claude-3");
    o2.put("cost_total", 0.01);
    o2.put("level", "ERROR");
    o2.put("output", "Ответ: ёЛКА");
    o2.put("prompt_name", "greet");
    o2.put("prompt_version", 3);
    observations.add(o2);

    Map<String, Object> t3 = SearchRows.trace(PROJECT, "t3", BASE_US + 3_000_000);
    t3.put("tags", List.of("b"));
    t3.put("release", "r2");
    traces.add(t3);

    for (int i = 0; i < HOSTILE.size(); i++) {
      Map<String, Object> h = SearchRows.trace(PROJECT, "h" + i, BASE_US + 4_000_000 + i);
      h.put("name", HOSTILE.get(i));
      h.put("tags", List.of(HOSTILE.get(i)));
      h.put("output", "<<" + HOSTILE.get(i) + ">>");
      traces.add(h);
    }
    for (int i = 0; i < PAGE_ROWS; i++) {
      String id = "p" + i;
      // Some timestamps, costs and latencies repeat so ties exercise the id tie-break.
      Map<String, Object> p = SearchRows.trace(PROJECT, id, BASE_US + 10_000_000 + (i / 3) * 1000);
      p.put("tags", List.of("page"));
      traces.add(p);
      Map<String, Object> o =
          SearchRows.observation(PROJECT, id, "po" + i, BASE_US + 10_000_000, (i % 5) * 1000);
      o.put("cost_total", (i % 4) * 0.0001);
      observations.add(o);
    }
    clickHouse.insertJsonEachRow("traces", SearchRows.lines(traces));
    clickHouse.insertJsonEachRow("observations", SearchRows.lines(observations));
    clickHouse.insertJsonEachRow(
        "scores",
        SearchRows.lines(
            List.of(
                SearchRows.score(PROJECT, "t1", "s1", "quality", 0.9, BASE_US + 1_000_000),
                SearchRows.score(PROJECT, "t2", "s2", "quality", -0.5, BASE_US + 2_000_000),
                SearchRows.score(PROJECT, "t3", "s3", "tone", 1, BASE_US + 3_000_000))));
  }

  @Test
  void filtersByPromptAndByScoreNameAndRange() {
    assertThat(ids(Map.of("promptName", "greet"))).containsExactlyInAnyOrder("t1", "t2");
    assertThat(ids(Map.of("promptName", "greet", "promptVersion", "3"))).containsExactly("t2");
    assertThat(ids(Map.of("promptName", "greet", "promptVersion", "9"))).isEmpty();
    assertThat(ids(Map.of("promptName", "gree"))).isEmpty();
    assertThat(ids(Map.of("scoreName", "quality"))).containsExactlyInAnyOrder("t1", "t2");
    assertThat(ids(Map.of("scoreName", "quality", "minScore", "0"))).containsExactly("t1");
    assertThat(ids(Map.of("scoreName", "quality", "maxScore", "-0.1"))).containsExactly("t2");
    assertThat(ids(Map.of("scoreName", "quality", "minScore", "-1", "maxScore", "1")))
        .containsExactlyInAnyOrder("t1", "t2");
    assertThat(ids(Map.of("scoreName", "quality", "minScore", "0.95"))).isEmpty();
    assertThat(ids(Map.of("scoreName", "tone"))).containsExactly("t3");
    badRequest(Map.of("promptVersion", "3"), "promptVersion");
    badRequest(Map.of("promptName", "greet", "promptVersion", "v3"), "promptVersion");
    badRequest(Map.of("minScore", "0"), "minScore");
    badRequest(Map.of("scoreName", "quality", "maxScore", "lots"), "maxScore");
  }

  @Test
  void eachFilterNarrowsTheResult() {
    assertThat(ids(Map.of("name", "chat"))).containsExactlyInAnyOrder("t1", "t3");
    assertThat(ids(Map.of("userId", "u-1"))).containsExactly("t1");
    assertThat(ids(Map.of("sessionId", "s-1"))).containsExactly("t1");
    assertThat(ids(Map.of("tag", "a"))).containsExactlyInAnyOrder("t1", "t2");
    assertThat(ids(Map.of("tag", List.of("a", "b")))).containsExactly("t1");
    assertThat(ids(Map.of("environment", "dev"))).containsExactly("t2");
    assertThat(ids(Map.of("release", "r2"))).containsExactly("t3");
    assertThat(ids(Map.of("model", "claude-3"))).containsExactly("t2");
    assertThat(ids(Map.of("level", "ERROR"))).containsExactly("t2");
    assertThat(ids(Map.of("hasError", "true"))).containsExactly("t2");
    assertThat(ids(Map.of("hasError", "false", "tag", "a"))).containsExactly("t1");
    assertThat(ids(Map.of("minCost", "0.005"))).containsExactly("t2");
    assertThat(ids(Map.of("minCost", "0.0005", "maxCost", "0.002"))).containsExactly("t1");
    assertThat(ids(Map.of("minLatencyMs", "2000"))).containsExactly("t2");
    assertThat(ids(Map.of("minLatencyMs", "500", "maxLatencyMs", "1500"))).containsExactly("t1");
    assertThat(ids(Map.of("q", "ответ"))).containsExactly("t2");
    assertThat(ids(Map.of("from", iso(BASE_US + 1_500_000), "to", iso(BASE_US + 2_500_000))))
        .containsExactly("t2");
  }

  @Test
  void returnsTheSummaryFields() {
    search(SECRET, Map.of("userId", "u-1"))
        .then()
        .statusCode(200)
        .body("data[0].id", equalTo("t1"))
        .body("data[0].name", equalTo("chat"))
        .body("data[0].sessionId", equalTo("s-1"))
        .body("data[0].tags", equalTo(List.of("a", "b")))
        .body("data[0].environment", equalTo("prod"))
        .body("data[0].release", equalTo("r1"))
        .body("data[0].level", equalTo("DEFAULT"))
        .body("nextCursor", equalTo(null));
    // Numbers compared as doubles: another suite switches RestAssured's number type globally.
    Response r = search(SECRET, Map.of("userId", "u-1"));
    assertThat(r.jsonPath().getDouble("data[0].observationCount")).isEqualTo(1.0);
    assertThat(r.jsonPath().getDouble("data[0].latencyMs")).isEqualTo(1000.0);
    assertThat(r.jsonPath().getDouble("data[0].totalCostUsd")).isEqualTo(0.001);
  }

  @Test
  void matchesCyrillicCaseInsensitively() {
    assertThat(ids(Map.of("q", "привет мир"))).containsExactly("t1");
    assertThat(ids(Map.of("q", "ЁЛКа"))).containsExactly("t2");
  }

  @Test
  void pagesThroughEveryRowOnceWhileNewRowsArrive() {
    for (String sort : List.of("timestamp", "cost", "latency")) {
      for (String order : List.of("desc", "asc")) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
          Map<String, Object> params =
              new HashMap<>(Map.of("tag", "page", "sort", sort, "order", order, "limit", "4"));
          if (cursor != null) {
            params.put("cursor", cursor);
          }
          Response page = search(SECRET, params);
          page.then().statusCode(200);
          seen.addAll(page.jsonPath().getList("data.id", String.class));
          cursor = page.jsonPath().getString("nextCursor");
          if (pages++ == 1) {
            insertLateRow(sort + order);
          }
        } while (cursor != null && pages < 50);
        List<String> original = seen.stream().filter(id -> id.startsWith("p")).toList();
        assertThat(original).as(sort + " " + order).doesNotHaveDuplicates().hasSize(PAGE_ROWS);
        assertThat(new HashSet<>(seen)).as(sort + " " + order).hasSameSizeAs(seen);
      }
    }
  }

  @Test
  void anotherProjectsKeySeesNothing() {
    List<Map<String, Object>> filters =
        List.of(
            Map.of(),
            Map.of("name", "chat"),
            Map.of("userId", "u-1"),
            Map.of("sessionId", "s-1"),
            Map.of("tag", "a"),
            Map.of("environment", "dev"),
            Map.of("release", "r1"),
            Map.of("model", "gpt-4o"),
            Map.of("level", "ERROR"),
            Map.of("hasError", "true"),
            Map.of("minCost", "0"),
            Map.of("maxCost", "1"),
            Map.of("minLatencyMs", "0"),
            Map.of("maxLatencyMs", "100000"),
            Map.of("q", "Привет"),
            Map.of("promptName", "greet"),
            Map.of("scoreName", "quality"),
            Map.of("sort", "cost"),
            Map.of("sort", "latency", "order", "asc"));
    for (Map<String, Object> filter : filters) {
      Response r = search(OTHER_SECRET, filter);
      r.then().statusCode(200);
      assertThat(r.jsonPath().getList("data")).as(filter.toString()).isEmpty();
    }
  }

  @Test
  void hostileStringsMatchLiterallyOrAreRejected() {
    for (int i = 0; i < HOSTILE.size(); i++) {
      String hostile = HOSTILE.get(i);
      for (String param : List.of("q", "name", "tag")) {
        Response r = search(SECRET, Map.of(param, hostile));
        assertThat(r.statusCode()).as(param + "=" + hostile).isIn(200, 400);
        if (r.statusCode() == 200) {
          List<String> found = r.jsonPath().getList("data.id", String.class);
          assertThat(found).as(param + "=" + hostile).contains("h" + i);
          if (!param.equals("q")) {
            assertThat(found).as(param + "=" + hostile).containsExactly("h" + i);
          }
        }
      }
    }
  }

  @Test
  void rejectsBadParametersWith400NamingThem() {
    long dayUs = 86_400_000_000L;
    badRequest(Map.of("from", iso(NOW_US - 40 * dayUs)), "to");
    badRequest(Map.of("limit", "201"), "limit");
    badRequest(Map.of("limit", "0"), "limit");
    badRequest(Map.of("from", "yesterday"), "from");
    badRequest(Map.of("sort", "name; DROP TABLE traces"), "sort");
    badRequest(Map.of("order", "sideways"), "order");
    badRequest(Map.of("level", "FATAL"), "level");
    badRequest(Map.of("minCost", "NaN"), "minCost");
    badRequest(Map.of("cursor", "not-a-cursor"), "cursor");
    given()
        .auth()
        .preemptive()
        .basic("pk-sl-search-" + RUN, SECRET)
        .get("/api/v1/traces")
        .then()
        .statusCode(400)
        .body("detail", containsString("from"));
  }

  @Test
  void describesTheSearchInOpenApi() {
    given()
        .queryParam("format", "json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("paths.'/api/v1/traces'.get.summary", equalTo("Search traces"));
  }

  private void badRequest(Map<String, Object> params, String parameter) {
    search(SECRET, params)
        .then()
        .log()
        .ifValidationFails()
        .statusCode(400)
        .contentType(containsString("application/problem+json"))
        .body("detail", containsString(parameter));
  }

  private void insertLateRow(String suffix) {
    String id = "late-" + suffix;
    Map<String, Object> t = SearchRows.trace(PROJECT, id, BASE_US + 10_000_500);
    t.put("tags", List.of("page"));
    clickHouse.insertJsonEachRow("traces", SearchRows.lines(List.of(t)));
    Map<String, Object> o =
        SearchRows.observation(PROJECT, id, "o-" + id, BASE_US + 10_000_000, 2000);
    o.put("cost_total", 0.0002);
    clickHouse.insertJsonEachRow("observations", SearchRows.lines(List.of(o)));
  }

  private List<String> ids(Map<String, Object> params) {
    Response r = search(SECRET, params);
    r.then().log().ifValidationFails().statusCode(200);
    return r.jsonPath().getList("data.id", String.class).stream()
        .filter(id -> !id.startsWith("p") && !id.startsWith("late") && !id.startsWith("h"))
        .toList();
  }

  private Response search(String secret, Map<String, Object> params) {
    RequestSpecification request = given().header("Authorization", "Bearer " + secret);
    Map<String, Object> all = new HashMap<>();
    all.put("from", iso(BASE_US - 60_000_000));
    all.put("to", iso(NOW_US + 60_000_000));
    all.put("limit", "200");
    all.putAll(params);
    for (Map.Entry<String, Object> p : all.entrySet()) {
      if (p.getValue() instanceof List<?> values) {
        request.queryParam(p.getKey(), values);
      } else {
        request.queryParam(p.getKey(), p.getValue());
      }
    }
    return request.log().ifValidationFails().get("/api/v1/traces");
  }

  private static String iso(long micros) {
    return Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000).toString();
  }

  private void createProjectWithKey(String projectId, String publicKey, String secret) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Instant now = Instant.now();
              projects.persist(new ProjectEntity(projectId, "search", 30, now));
              keys.persist(
                  new ApiKeyEntity(
                      publicKey, projectId, SecretHash.sha256Hex(secret), Scope.ALL, now));
            });
  }
}
