package dev.sightline.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.sightline.clickhouse.ClickHouseClient;
import dev.sightline.query.storage.ApiKeyRepository;
import dev.sightline.query.storage.ProjectRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /api/v1/sessions/{id} and /api/v1/users/{id}; project B reuses project A's ids. */
@QuarkusTest
class SessionAndUserTest {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String PROJECT_A = "proj_sess_a_" + RUN;
  private static final String PROJECT_B = "proj_sess_b_" + RUN;
  private static final String SECRET_A = "sk-sl-sess-a-" + RUN;
  private static final String SECRET_B = "sk-sl-sess-b-" + RUN;
  private static final long BASE_US = (Instant.now().toEpochMilli() - 3_600_000) * 1000;

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
    TestProjects.create(projects, keys, PROJECT_A, "pk-sl-sess-a-" + RUN, SECRET_A);
    TestProjects.create(projects, keys, PROJECT_B, "pk-sl-sess-b-" + RUN, SECRET_B);
    SessionSeed.insert(clickHouse, PROJECT_A, PROJECT_B, BASE_US);
  }

  @Test
  void listsTheSessionsTracesInTimeOrderWithTotals() {
    JsonPath s = ok(get(SECRET_A, "/api/v1/sessions/" + SessionSeed.SESSION, Map.of()));
    assertThat(s.getList("traces.id", String.class)).containsExactly("x1", "x3", "x2");
    assertThat(s.getList("traces.name", String.class)).containsExactly("first", "middle", "last");
    assertThat(s.getString("traces[0].level")).isEqualTo("ERROR");
    assertThat(s.getDouble("traces[0].observationCount")).isEqualTo(2.0);
    assertThat(s.getDouble("traces[0].latencyMs")).isEqualTo(2000.0);
    assertThat(s.getString("traces[1].userId")).isEqualTo("u-other");
    assertThat(s.getBoolean("truncated")).isFalse();
    assertThat(s.getDouble("totals.traces")).isEqualTo(3.0);
    assertThat(s.getDouble("totals.observations")).isEqualTo(3.0);
    assertThat(s.getDouble("totals.totalTokens")).isEqualTo(165.0);
    assertThat(s.getDouble("totals.totalCostUsd")).isCloseTo(0.003, within());
    assertThat(s.getDouble("totals.errors")).isEqualTo(1.0);
    assertThat(s.getDouble("totals.durationMs")).isEqualTo(8000.0);
    assertThat(Instant.parse(s.getString("totals.firstSeen")))
        .isEqualTo(Instant.ofEpochMilli(BASE_US / 1000 + 1000));
  }

  @Test
  void narrowsTheSessionToTheRequestedRange() {
    Map<String, Object> range =
        Map.of("from", iso(BASE_US + 2_000_000), "to", iso(BASE_US + 6_000_000));
    JsonPath s = ok(get(SECRET_A, "/api/v1/sessions/" + SessionSeed.SESSION, range));
    assertThat(s.getList("traces.id", String.class)).containsExactly("x3", "x2");
    assertThat(s.getDouble("totals.traces")).isEqualTo(2.0);
  }

  @Test
  void sumsUpTheUserAndListsTheNewestTracesFirst() {
    JsonPath u = ok(get(SECRET_A, "/api/v1/users/" + SessionSeed.USER, Map.of("limit", "2")));
    assertThat(u.getList("recentTraces.id", String.class)).containsExactly("y1", "x2");
    assertThat(u.getDouble("totals.traces")).isEqualTo(3.0);
    assertThat(u.getDouble("totals.sessions")).isEqualTo(2.0);
    assertThat(u.getDouble("totals.observations")).isEqualTo(4.0);
    assertThat(u.getDouble("totals.totalTokens")).isEqualTo(1165.0);
    assertThat(u.getDouble("totals.totalCostUsd")).isCloseTo(0.103, within());
    assertThat(u.getDouble("totals.errors")).isEqualTo(1.0);
    assertThat(Instant.parse(u.getString("totals.lastSeen")))
        .isEqualTo(Instant.ofEpochMilli(BASE_US / 1000 + 7000));
  }

  @Test
  void projectBNeverSeesOrCountsProjectASessionsAndUsers() {
    for (String path :
        List.of("/api/v1/sessions/" + SessionSeed.SESSION, "/api/v1/users/" + SessionSeed.USER)) {
      JsonPath b = ok(get(SECRET_B, path, Map.of()));
      String list = path.contains("sessions") ? "traces" : "recentTraces";
      assertThat(b.getList(list + ".id", String.class)).as(path).containsExactly("x1");
      assertThat(b.getString(list + "[0].name")).as(path).isEqualTo("b-only");
      assertThat(b.getDouble("totals.traces")).as(path).isEqualTo(1.0);
      assertThat(b.getDouble("totals.observations")).as(path).isEqualTo(1.0);
      assertThat(b.getDouble("totals.totalTokens")).as(path).isEqualTo(7.0);
      assertThat(b.getDouble("totals.totalCostUsd")).as(path).isEqualTo(0.5);
      assertThat(b.getDouble("totals.errors")).as(path).isEqualTo(0.0);
    }
    notFound(SECRET_B, "/api/v1/sessions/s-else", "sessionId");
    notFound(SECRET_B, "/api/v1/users/u-other", "userId");
  }

  @Test
  void aUserWithMoreTracesThanAreLookedUpByIdIsStillCountedExactly() {
    List<Map<String, Object>> many = new java.util.ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      Map<String, Object> t = SearchRows.trace(PROJECT_A, "many-" + i, BASE_US + i);
      t.put("user_id", "u-many");
      many.add(t);
    }
    clickHouse.insertJsonEachRow("traces", SearchRows.lines(many));

    JsonPath u = ok(get(SECRET_A, "/api/v1/users/u-many", Map.of("limit", "3")));

    assertThat(u.getDouble("totals.traces")).isEqualTo(1001.0);
    assertThat(u.getList("recentTraces.id", String.class))
        .containsExactly("many-1000", "many-999", "many-998");
  }

  @Test
  void answers404ForAnUnknownSessionOrUser() {
    notFound(SECRET_A, "/api/v1/sessions/no-such-session", "sessionId");
    notFound(SECRET_A, "/api/v1/users/no-such-user", "userId");
    Map<String, Object> before = Map.of("from", iso(BASE_US - 7_200_000_000L), "to", iso(BASE_US));
    get(SECRET_A, "/api/v1/sessions/" + SessionSeed.SESSION, before).then().statusCode(404);
  }

  @Test
  void rejectsAnUnboundedOrBadRangeWith400() {
    String path = "/api/v1/sessions/" + SessionSeed.SESSION;
    badRequest(get(SECRET_A, path, Map.of("from", iso(BASE_US - 40 * 86_400_000_000L))), "to");
    badRequest(get(SECRET_A, path, Map.of("to", "tomorrow")), "to");
    badRequest(get(SECRET_A, "/api/v1/users/" + SessionSeed.USER, Map.of("limit", "101")), "limit");
    badRequest(get(SECRET_A, "/api/v1/users/" + "u".repeat(1001), Map.of()), "userId");
  }

  @Test
  void describesBothViewsInOpenApi() {
    given()
        .queryParam("format", "json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("paths.'/api/v1/sessions/{sessionId}'.get.summary", equalTo("Get one session"))
        .body("paths.'/api/v1/users/{userId}'.get.summary", equalTo("Get one user"));
  }

  private static Offset<Double> within() {
    return Offset.offset(1e-9);
  }

  private static JsonPath ok(Response r) {
    r.then().log().ifValidationFails().statusCode(200);
    return r.jsonPath();
  }

  private void notFound(String secret, String path, String detail) {
    get(secret, path, Map.of())
        .then()
        .statusCode(404)
        .contentType(containsString("application/problem+json"))
        .body("detail", containsString(detail));
  }

  private static void badRequest(Response r, String parameter) {
    r.then()
        .log()
        .ifValidationFails()
        .statusCode(400)
        .contentType(containsString("application/problem+json"))
        .body("detail", containsString(parameter));
  }

  private static Response get(String secret, String path, Map<String, Object> params) {
    return given()
        .header("Authorization", "Bearer " + secret)
        .queryParams(params)
        .log()
        .ifValidationFails()
        .get(path);
  }

  private static String iso(long micros) {
    return Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000).toString();
  }
}
