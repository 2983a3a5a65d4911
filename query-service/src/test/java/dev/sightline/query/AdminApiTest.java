package dev.sightline.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import dev.sightline.query.config.QueryConfig;
import dev.sightline.query.domain.SecretHash;
import dev.sightline.query.messaging.Republisher;
import dev.sightline.query.storage.ApiKeyRepository;
import dev.sightline.schemas.avro.ApiKeyRecord;
import dev.sightline.schemas.avro.MaskingRuleSet;
import dev.sightline.schemas.topics.Topics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The admin API against the real PostgreSQL and Kafka; shares {@link QueryServiceTest}'s boot. */
@QuarkusTest
class AdminApiTest {

  private static final String TOKEN = "test-admin-token";

  @Inject QueryConfig config;
  @Inject ApiKeyRepository keys;
  @Inject Republisher republisher;

  private static RequestSpecification admin() {
    return given().header("Authorization", "Bearer " + TOKEN).contentType(ContentType.JSON);
  }

  private static String createProject() {
    return admin()
        .body(Map.of("name", "admin-test-" + UUID.randomUUID()))
        .post("/api/admin/projects")
        .then()
        .statusCode(201)
        .body("id", matchesPattern("proj_[0-9a-f]{24}"))
        .body("retentionDays", equalTo(30))
        .body("createdAt", notNullValue())
        .extract()
        .path("id");
  }

  @Test
  void issuesAKeyWhoseSecretIsShownOnceAndWorksUntilItIsRevoked() {
    String projectId = createProject();
    JsonPath created =
        admin()
            .body(Map.of("scope", "READ", "note", "ci"))
            .post("/api/admin/projects/{id}/keys", projectId)
            .then()
            .statusCode(201)
            .body("publicKey", matchesPattern("pk-sl-[0-9a-f]{32}"))
            .body("secretKey", matchesPattern("sk-sl-[0-9a-f]{64}"))
            .body("scope", equalTo("READ"))
            .extract()
            .jsonPath();
    String publicKey = created.getString("publicKey");
    String secret = created.getString("secretKey");

    String listing = admin().get("/api/admin/projects/{id}/keys", projectId).asString();
    assertThat(listing).contains(publicKey, "ci").doesNotContain(secret);
    assertThat(listing).doesNotContain(SecretHash.sha256Hex(secret));
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                assertThat(keys.findById(publicKey).secretSha256())
                    .isEqualTo(SecretHash.sha256Hex(secret)));
    // 404 rather than 401: the key opened the read API, the trace just does not exist.
    readTrace(publicKey, secret).then().statusCode(404);

    admin()
        .post("/api/admin/projects/{id}/keys/{pk}/revoke", projectId, publicKey)
        .then()
        .statusCode(200)
        .body("revoked", equalTo(true));

    List<ApiKeyRecord> pushed =
        new TopicRecords<>(Topics.API_KEYS, config.kafka().bootstrapServers())
            .awaitValues(publicKey, null, ApiKeyRecord::getRevoked);
    assertThat(pushed.get(pushed.size() - 1).getProjectId()).isEqualTo(projectId);
    assertThat(pushed.get(0).getRevoked()).isFalse();
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> readTrace(publicKey, secret).then().statusCode(401));
  }

  @Test
  void refusesAdminRequestsWithoutOrWithAWrongTokenWith401() {
    given().get("/api/admin/projects").then().statusCode(401).contentType(problemJson());
    given()
        .header("Authorization", "Bearer not-" + TOKEN)
        .get("/api/admin/projects")
        .then()
        .statusCode(401)
        .contentType(problemJson())
        .header("WWW-Authenticate", containsString("Bearer"))
        .body("detail", containsString("Wrong admin token"));
  }

  @Test
  void keepsProjectKeysAndTheAdminTokenApart() {
    String demoPublicKey = "pk-sl-test-demo";
    given()
        .auth()
        .preemptive()
        .basic(demoPublicKey, "sk-sl-test-demo-secret")
        .get("/api/admin/projects")
        .then()
        .statusCode(401);
    given()
        .header("Authorization", "Bearer " + TOKEN)
        .get("/api/v1/traces/{id}", "t-" + UUID.randomUUID())
        .then()
        .statusCode(401);
  }

  @Test
  void listsReadsAndChangesTheRetentionOfProjects() {
    String projectId = createProject();
    admin().get("/api/admin/projects").then().statusCode(200).body("id", hasItem(projectId));
    admin()
        .body(Map.of("retentionDays", 90))
        .patch("/api/admin/projects/{id}", projectId)
        .then()
        .statusCode(200)
        .body("retentionDays", equalTo(90));
    admin()
        .get("/api/admin/projects/{id}", projectId)
        .then()
        .statusCode(200)
        .body("retentionDays", equalTo(90));
    admin()
        .body(Map.of("retentionDays", 0))
        .patch("/api/admin/projects/{id}", projectId)
        .then()
        .statusCode(400)
        .contentType(problemJson());
    admin().get("/api/admin/projects/proj_missing").then().statusCode(404);
  }

  @Test
  void rejectsAnInvalidRegexNamingTheRuleIndex() {
    String projectId = createProject();
    admin()
        .body(
            List.of(
                Map.of("name", "ok", "pattern", "\\d+"),
                Map.of("name", "broken", "pattern", "(unclosed")))
        .put("/api/admin/projects/{id}/masking-rules", projectId)
        .then()
        .statusCode(400)
        .contentType(problemJson())
        .body("detail", containsString("rule[1]"))
        .body("detail", containsString("Unclosed group"));
    admin()
        .get("/api/admin/projects/{id}/masking-rules", projectId)
        .then()
        .statusCode(200)
        .body("$", hasSize(0));
  }

  @Test
  void pushesMaskingRulesOnChangeAndEverythingAgainOnRepublish() {
    String projectId = createProject();
    // No body and no Content-Type, as `curl -X POST` sends it: defaults apply.
    String publicKey =
        given()
            .header("Authorization", "Bearer " + TOKEN)
            .post("/api/admin/projects/{id}/keys", projectId)
            .then()
            .statusCode(201)
            .body("scope", equalTo("ALL"))
            .extract()
            .path("publicKey");
    admin()
        .body(List.of(Map.of("name", "customer-id", "pattern", "CUST-[0-9]{6}")))
        .put("/api/admin/projects/{id}/masking-rules", projectId)
        .then()
        .statusCode(200)
        .body("[0].name", equalTo("customer-id"));
    admin()
        .get("/api/admin/projects/{id}/masking-rules", projectId)
        .then()
        .body("[0].pattern", equalTo("CUST-[0-9]{6}"));
    var rules = new TopicRecords<>(Topics.MASKING_RULES, config.kafka().bootstrapServers());
    List<MaskingRuleSet> onChange = rules.awaitValues(projectId, null, s -> true);
    assertThat(onChange.get(0).getRules()).hasSize(1);
    assertThat(onChange.get(0).getRules().get(0).getPattern()).isEqualTo("CUST-[0-9]{6}");

    var keyRecords = new TopicRecords<>(Topics.API_KEYS, config.kafka().bootstrapServers());
    Map<TopicPartition, Long> keysEnd = keyRecords.endOffsets();
    Map<TopicPartition, Long> rulesEnd = rules.endOffsets();
    var pushed = republisher.republishAll(Duration.ofSeconds(10));

    assertThat(pushed.keys()).isGreaterThanOrEqualTo(1);
    assertThat(keyRecords.awaitValues(publicKey, keysEnd, k -> true)).isNotEmpty();
    assertThat(rules.awaitValues(projectId, rulesEnd, s -> true).get(0).getRules()).hasSize(1);
  }

  @Test
  void answersMalformedOrUnknownTargetsWithProblemJson() {
    String projectId = createProject();
    admin()
        .body("{\"name\": ")
        .post("/api/admin/projects")
        .then()
        .statusCode(400)
        .contentType(problemJson());
    admin()
        .body(Map.of("retentionDays", 7))
        .post("/api/admin/projects")
        .then()
        .statusCode(400)
        .body("detail", containsString("name"));
    admin()
        .body(Map.of("scope", "EVERYTHING"))
        .post("/api/admin/projects/{id}/keys", projectId)
        .then()
        .statusCode(400)
        .body("detail", containsString("ALL, INGEST or READ"));
    admin()
        .body(Map.of("rules", "not an array"))
        .put("/api/admin/projects/{id}/masking-rules", projectId)
        .then()
        .statusCode(400)
        .contentType(problemJson());
    admin()
        .delete("/api/admin/projects/{id}/keys/{pk}", projectId, "pk-sl-unknown")
        .then()
        .statusCode(404)
        .contentType(problemJson());
    admin()
        .post("/api/admin/projects/{id}/keys", "proj_unknown")
        .then()
        .statusCode(404)
        .contentType(problemJson());
  }

  @Test
  void describesTheAdminApiAndBothSecuritySchemesInOpenApi() {
    given()
        .queryParam("format", "json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("paths.'/api/admin/projects'.post.summary", equalTo("Create a project"))
        .body(
            "paths.'/api/admin/projects/{projectId}/keys/{publicKey}/revoke'.post.summary",
            equalTo("Revoke a key"))
        .body(
            "paths.'/api/admin/projects/{projectId}/masking-rules'.put.security[0]",
            hasKey("AdminToken"))
        .body("components.securitySchemes.AdminToken.scheme", equalTo("bearer"))
        .body("components.securitySchemes.SecurityScheme.scheme", equalTo("basic"));
  }

  private static io.restassured.response.Response readTrace(String publicKey, String secret) {
    return given()
        .auth()
        .preemptive()
        .basic(publicKey, secret)
        .get("/api/v1/traces/{id}", "t-" + UUID.randomUUID());
  }

  private static String problemJson() {
    return "application/problem+json";
  }
}
