package dev.sightline.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sightline.clickhouse.ClickHouseClient;
import dev.sightline.clickhouse.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The retention job against the real ClickHouse; shares the one test boot. */
@QuarkusTest
class RetentionTest {

  private static final List<String> TABLES =
      List.of(
          "observations",
          "traces",
          "scores",
          "observation_aggregates",
          "observation_aggregates_rollup",
          "trace_lookup",
          "traces_by_time",
          "observations_by_time");

  @Inject ClickHouseClient clickHouse;

  private static RequestSpecification admin() {
    return given().header("Authorization", "Bearer test-admin-token").contentType(ContentType.JSON);
  }

  private static String createProject(int retentionDays) {
    return admin()
        .body(Map.of("name", "retention-test-" + UUID.randomUUID(), "retentionDays", retentionDays))
        .post("/api/admin/projects")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void deletesOnlyTheRowsOlderThanTheProjectsRetention() {
    String expiring = createProject(30);
    String keepsAYear = createProject(365);
    long nowUs = Instant.now().toEpochMilli() * 1000;
    long oldUs = Instant.now().minus(40, ChronoUnit.DAYS).toEpochMilli() * 1000;
    insert(expiring, oldUs);
    insert(expiring, nowUs);
    insert(keepsAYear, oldUs);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate before = today.minusDays(30);

    JsonPath run =
        admin().post("/api/admin/retention/run").then().statusCode(200).extract().jsonPath();

    assertThat(run.getString("today")).isEqualTo(today.toString());
    assertThat(run.getList("purged.projectId")).contains(expiring).doesNotContain(keepsAYear);
    Map<String, Object> purge = run.getMap("purged.find { it.projectId == '" + expiring + "' }");
    assertThat(purge.get("deleteBefore")).isEqualTo(before.toString());
    assertThat(
            run.getList("purged.find { it.projectId == '" + expiring + "' }.tables", String.class))
        .containsExactlyInAnyOrderElementsOf(TABLES);
    // 18.16 applies ALTER … DELETE as an asynchronous mutation.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              for (String table : TABLES) {
                assertThat(count(table, expiring, "<", before)).as(table).isZero();
              }
            });
    for (String table : TABLES) {
      assertThat(count(table, expiring, ">=", before)).as(table + " today").isPositive();
      assertThat(count(table, keepsAYear, "<", before)).as(table + " other project").isPositive();
    }
  }

  @Test
  void requiresTheAdminToken() {
    given().post("/api/admin/retention/run").then().statusCode(401);
  }

  private void insert(String projectId, long baseUs) {
    TraceRows rows = new TraceRows(projectId, baseUs);
    String traceId = "t-" + UUID.randomUUID();
    clickHouse.insertJsonEachRow("traces", bytes(rows.trace(traceId)));
    clickHouse.insertJsonEachRow("observations", bytes(rows.span(traceId, "span-1")));
    clickHouse.insertJsonEachRow("scores", bytes(rows.score(traceId, "score-1", "span-1")));
    clickHouse.insertJsonEachRow("observation_aggregates", bytes(aggregate(projectId, baseUs)));
    clickHouse.insertJsonEachRow("observation_aggregates_rollup", bytes(rollup(projectId, baseUs)));
  }

  private static String rollup(String projectId, long baseUs) {
    Instant hour = Instant.ofEpochMilli(baseUs / 1000).truncatedTo(ChronoUnit.HOURS);
    String start = hour.toString().replace("T", " ").replace("Z", "");
    return """
        {"project_id":"%s","window_date":"%s","resolution_s":3600,"window_start":"%s",\
        "count":1,"source_part":"test"}"""
        .formatted(projectId, start.substring(0, 10), start);
  }

  private static String aggregate(String projectId, long baseUs) {
    Instant minute = Instant.ofEpochMilli(baseUs / 1000).truncatedTo(ChronoUnit.MINUTES);
    String start = minute.toString().replace("T", " ").replace("Z", "");
    String end = minute.plusSeconds(60).toString().replace("T", " ").replace("Z", "");
    return """
        {"project_id":"%s","window_date":"%s","window_start":"%s","window_end":"%s",\
        "environment":"test","name":"span","model":"","prompt_name":"","prompt_version":0,\
        "count":1,"errors":0,"input_tokens":0,"output_tokens":0,"cost_usd":0,\
        "latency_sketch":"","version":1}"""
        .formatted(projectId, start.substring(0, 10), start, end);
  }

  private long count(String table, String projectId, String op, LocalDate day) {
    String column = table.startsWith("observation_aggregates") ? "window_date" : "event_date";
    String body =
        clickHouse.query(
            "SELECT count() FROM "
                + Sql.identifier(table)
                + " WHERE project_id = "
                + Sql.quote(projectId)
                + " AND "
                + column
                + " "
                + op
                + " toDate("
                + Sql.quote(day.toString())
                + ") FORMAT TabSeparated");
    return Long.parseLong(body.strip());
  }

  private static byte[] bytes(String line) {
    return line.getBytes(StandardCharsets.UTF_8);
  }
}
