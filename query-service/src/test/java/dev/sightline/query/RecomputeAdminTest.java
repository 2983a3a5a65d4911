package dev.sightline.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import dev.sightline.clickhouse.ClickHouseClient;
import dev.sightline.query.config.QueryConfig;
import dev.sightline.schemas.avro.CostRecomputeRequest;
import dev.sightline.schemas.topics.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The recompute admin API against the real PostgreSQL, Kafka and ClickHouse. */
@QuarkusTest
class RecomputeAdminTest {

  private static final String FROM = "2026-11-28T00:00:00Z";
  private static final String TO = "2026-11-28T06:00:00Z";

  @Inject QueryConfig config;
  @Inject ClickHouseClient clickHouse;

  private static RequestSpecification admin() {
    return given().header("Authorization", "Bearer test-admin-token").contentType(ContentType.JSON);
  }

  private static String createProject() {
    return admin()
        .body(Map.of("name", "recompute-test-" + UUID.randomUUID()))
        .post("/api/admin/projects")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void aRecomputeIsAcceptedPublishedForEnrichAndShowsTheStatusEnrichRecords() {
    String projectId = createProject();
    Map<TopicPartition, Long> offsets =
        new TopicRecords<>(Topics.COST_RECOMPUTES, config.kafka().bootstrapServers()).endOffsets();
    String id =
        admin()
            .body(Map.of("from", FROM, "to", TO))
            .post("/api/admin/projects/{id}/recomputes", projectId)
            .then()
            .statusCode(202)
            .header(
                "Location", containsString("/api/admin/projects/" + projectId + "/recomputes/rcp_"))
            .body("id", matchesPattern("rcp_[0-9a-f]{24}"))
            .body("status", equalTo("pending"))
            .body("from", equalTo(FROM))
            .body("to", equalTo(TO))
            .extract()
            .path("id");

    List<CostRecomputeRequest> pushed =
        new TopicRecords<>(Topics.COST_RECOMPUTES, config.kafka().bootstrapServers())
            .awaitValues(projectId, offsets, r -> r.getRecomputeId().equals(id));
    CostRecomputeRequest request = pushed.get(pushed.size() - 1);
    assertThat(request.getFromMicros()).isEqualTo(Instant.parse(FROM).toEpochMilli() * 1000);
    assertThat(request.getToMicros()).isEqualTo(Instant.parse(TO).toEpochMilli() * 1000);
    // The seeded global prices exist, so enrich has a price state to wait for.
    assertThat(request.getPricesUpdatedAtMicros()).isPositive();
    admin()
        .get("/api/admin/projects/{p}/recomputes/{id}", projectId, id)
        .then()
        .statusCode(200)
        .body("status", equalTo("pending"))
        .body("requestedAt", startsWith("20"));

    // What enrich writes when it finished (its rows outrank the pending one by version).
    String done =
        "{\"project_id\":\""
            + projectId
            + "\",\"recompute_id\":\""
            + id
            + "\",\"status\":\"done\","
            + "\"from_us\":"
            + request.getFromMicros()
            + ",\"to_us\":"
            + request.getToMicros()
            + ",\"requested_at\":\"2026-11-29 00:00:00\",\"requested_at_us\":"
            + request.getRequestedAtMicros()
            + ",\"finished_at_us\":"
            + (request.getRequestedAtMicros() + 2_000_000)
            + ",\"observations_scanned\":7,"
            + "\"observations_changed\":5,\"windows_changed\":3,"
            + "\"price_versions_before\":[\"price_old\"],\"price_versions_after\":[\"price_new\"],"
            + "\"error\":\"\",\"version\":"
            + (request.getRequestedAtMicros() + 2)
            + "}\n";
    clickHouse.insertJsonEachRow("cost_recomputes", done.getBytes(StandardCharsets.UTF_8));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                admin()
                    .get("/api/admin/projects/{p}/recomputes", projectId)
                    .then()
                    .statusCode(200)
                    .body("id", hasItem(id))
                    .body("[0].status", equalTo("done"))
                    .body("[0].observationsScanned", equalTo(7))
                    .body("[0].observationsChanged", equalTo(5))
                    .body("[0].windowsChanged", equalTo(3))
                    .body("[0].priceVersionsBefore", equalTo(List.of("price_old")))
                    .body("[0].priceVersionsAfter", equalTo(List.of("price_new")))
                    .body("[0].finishedAt", startsWith("20")));
  }

  @Test
  void aBadRangeIsA400ThatNamesTheField() {
    String projectId = createProject();
    expect400(projectId, Map.of("to", TO), "from:");
    expect400(projectId, Map.of("from", "yesterday", "to", TO), "from:");
    expect400(projectId, Map.of("from", FROM, "to", FROM), "to:");
    expect400(projectId, Map.of("from", "2026-10-01T00:00:00Z", "to", TO), "to:");
  }

  @Test
  void anUnknownProjectOrRecomputeIsA404AndTheAdminTokenIsRequired() {
    admin()
        .body(Map.of("from", FROM, "to", TO))
        .post("/api/admin/projects/{id}/recomputes", "proj_nope" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    String projectId = createProject();
    admin()
        .get("/api/admin/projects/{p}/recomputes/{id}", projectId, "rcp_unknown")
        .then()
        .statusCode(404);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("from", FROM, "to", TO))
        .post("/api/admin/projects/{id}/recomputes", projectId)
        .then()
        .statusCode(401);
  }

  private static void expect400(String projectId, Map<String, String> body, String field) {
    admin()
        .body(body)
        .post("/api/admin/projects/{id}/recomputes", projectId)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", startsWith(field));
  }
}
