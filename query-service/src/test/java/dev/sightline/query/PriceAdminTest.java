package dev.sightline.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.sightline.query.config.QueryConfig;
import dev.sightline.query.domain.price.DefaultPriceTable;
import dev.sightline.query.domain.price.ModelPriceVersion;
import dev.sightline.query.domain.price.PriceAdmin;
import dev.sightline.query.domain.price.UsagePrice;
import dev.sightline.query.messaging.Republisher;
import dev.sightline.schemas.avro.ModelPrice;
import dev.sightline.schemas.topics.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The prices admin API against the real PostgreSQL and Kafka; shares the one test boot. */
@QuarkusTest
class PriceAdminTest {

  private static final String DEFAULT_ID = "default:gpt-4o-mini*:2026-11-29";

  @Inject QueryConfig config;
  @Inject ServiceStartup startup;
  @Inject PriceAdmin prices;
  @Inject Republisher republisher;

  private static RequestSpecification admin() {
    return given().header("Authorization", "Bearer test-admin-token").contentType(ContentType.JSON);
  }

  private static String createProject() {
    return admin()
        .body(Map.of("name", "price-test-" + UUID.randomUUID()))
        .post("/api/admin/projects")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private TopicRecords<String, ModelPrice> topic() {
    return new TopicRecords<>(Topics.MODEL_PRICES, config.kafka().bootstrapServers());
  }

  private static Map<String, Object> tieredPrice(String projectId, String model) {
    return Map.of(
        "modelPattern",
        model,
        "provider",
        "google",
        "projectId",
        projectId,
        "effectiveFrom",
        "2026-12-01T00:00:00Z",
        "prices",
        List.of(
            Map.of(
                "usageType",
                "input",
                "usdPerMillionTokens",
                1.25,
                "tiers",
                List.of(Map.of("aboveTokens", 200000, "usdPerMillionTokens", 2.5))),
            Map.of("usageType", "output", "usdPerMillionTokens", 10)));
  }

  @Test
  void storesANewPriceVersionAndPushesItToThePricesTopicBeforeAnswering() {
    String projectId = createProject();
    String model = "gemini-test-" + UUID.randomUUID() + "*";
    String priceId =
        admin()
            .body(tieredPrice(projectId, model))
            .post("/api/admin/prices")
            .then()
            .statusCode(201)
            .header("Location", containsString("/api/admin/prices/price_"))
            .body("priceId", matchesPattern("price_[0-9a-f]{24}"))
            .body("modelPattern", equalTo(model))
            .body("effectiveFrom", equalTo("2026-12-01T00:00:00Z"))
            .body("deleted", equalTo(false))
            .extract()
            .path("priceId");

    List<ModelPrice> pushed = topic().awaitValues(priceId, null, p -> true);
    ModelPrice record = pushed.get(0);
    assertThat(record.getProjectId()).isEqualTo(projectId);
    assertThat(record.getModelPattern()).isEqualTo(model);
    assertThat(record.getProvider()).isEqualTo("google");
    assertThat(record.getEffectiveFromMicros())
        .isEqualTo(Instant.parse("2026-12-01T00:00:00Z").toEpochMilli() * 1000);
    assertThat(record.getPrices().get(0).getTiers().get(0).getAboveTokens()).isEqualTo(200_000L);
    assertThat(record.getPrices().get(1).getUsdPerMillionTokens()).isEqualTo(10.0);
    assertThat(record.getDeleted()).isFalse();

    admin()
        .queryParam("projectId", projectId)
        .get("/api/admin/prices")
        .then()
        .statusCode(200)
        .body("priceId", hasItem(priceId))
        .body("priceId", hasItem(DEFAULT_ID));
    admin().get("/api/admin/prices").then().statusCode(200).body("priceId", not(hasItem(priceId)));
    admin().get("/api/admin/prices/{id}", priceId).then().statusCode(200);
  }

  @Test
  void retractsAVersionByPushingItAsDeleted() {
    String priceId =
        admin()
            .body(
                Map.of(
                    "modelPattern",
                    "retract-test-" + UUID.randomUUID(),
                    "prices",
                    List.of(Map.of("usageType", "input", "usdPerMillionTokens", 1))))
            .post("/api/admin/prices")
            .then()
            .statusCode(201)
            .body("projectId", nullValue())
            .extract()
            .path("priceId");

    admin()
        .delete("/api/admin/prices/{id}", priceId)
        .then()
        .statusCode(200)
        .body("deleted", equalTo(true));

    List<ModelPrice> pushed = topic().awaitValues(priceId, null, ModelPrice::getDeleted);
    assertThat(pushed.get(0).getDeleted()).isFalse();
    assertThat(pushed.get(pushed.size() - 1).getDeleted()).isTrue();
    admin()
        .get("/api/admin/prices")
        .then()
        .body("find { it.priceId == '" + priceId + "' }.deleted", equalTo(true));
    admin().delete("/api/admin/prices/{id}", "price_unknown").then().statusCode(404);
  }

  @Test
  void rejectsInvalidVersionsWith400NamingTheField() {
    Map<String, Object> input = Map.of("usageType", "input", "usdPerMillionTokens", 1);
    assertRejected(Map.of("modelPattern", " ", "prices", List.of(input)), "modelPattern");
    assertRejected(
        Map.of(
            "modelPattern",
            "m",
            "prices",
            List.of(Map.of("usageType", "output", "usdPerMillionTokens", -2))),
        "prices[0].usdPerMillionTokens");
    assertRejected(
        Map.of(
            "modelPattern",
            "m",
            "prices",
            List.of(
                Map.of(
                    "usageType",
                    "input",
                    "usdPerMillionTokens",
                    1,
                    "tiers",
                    List.of(
                        Map.of("aboveTokens", 500, "usdPerMillionTokens", 2),
                        Map.of("aboveTokens", 100, "usdPerMillionTokens", 3))))),
        "prices[0].tiers[1].aboveTokens");
    assertRejected(
        Map.of("modelPattern", "m", "projectId", "proj_unknown", "prices", List.of(input)),
        "projectId");
    assertRejected(
        Map.of("modelPattern", "m", "effectiveFrom", "soon", "prices", List.of(input)),
        "effectiveFrom");
    admin().queryParam("projectId", "proj_unknown").get("/api/admin/prices").then().statusCode(404);
  }

  @Test
  void seedsTheDefaultTableOnceAndNeverOverwritesAStoredVersion() {
    admin()
        .get("/api/admin/prices/{id}", DEFAULT_ID)
        .then()
        .statusCode(200)
        .body("provider", equalTo("openai"))
        .body("projectId", nullValue());
    List<ModelPriceVersion> before = prices.findAll();

    assertThat(startup.seedDefaultPrices()).isZero();
    assertThat(prices.findAll()).containsExactlyInAnyOrderElementsOf(before);

    String model = "seed-test-" + UUID.randomUUID();
    String id = "default:" + model + ":v1";
    assertThat(prices.seedDefaults(List.of(version(id, model, 1.0)))).isEqualTo(1);
    assertThat(prices.seedDefaults(List.of(version(id, model, 2.0)))).isZero();
    assertThat(prices.find(id).prices().get(0).usdPerMillionTokens()).isEqualTo(1.0);
  }

  @Test
  void includesEveryPriceVersionInTheRepublish() {
    var records = topic();
    Map<TopicPartition, Long> end = records.endOffsets();

    var pushed = republisher.republishAll(Duration.ofSeconds(10));

    assertThat(pushed.prices()).isGreaterThanOrEqualTo(DefaultPriceTable.bundled().size());
    assertThat(records.awaitValues(DEFAULT_ID, end, p -> true).get(0).getModelPattern())
        .isEqualTo("gpt-4o-mini*");
  }

  @Test
  void describesThePricesAndRetentionEndpointsInOpenApi() {
    given()
        .queryParam("format", "json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("paths.'/api/admin/prices'.post.summary", equalTo("Add a price version"))
        .body(
            "paths.'/api/admin/prices/{priceId}'.delete.summary",
            equalTo("Retract a price version"))
        .body("paths.'/api/admin/retention/run'.post.summary", equalTo("Run the retention job now"))
        .body("paths.'/api/admin/prices'.get.security[0]", hasKey("AdminToken"));
  }

  private static ModelPriceVersion version(String id, String model, double usd) {
    return new ModelPriceVersion(
        id,
        null,
        model,
        null,
        Instant.EPOCH,
        List.of(new UsagePrice("input", usd, List.of())),
        false,
        null);
  }

  private static void assertRejected(Map<String, Object> body, String field) {
    admin()
        .body(body)
        .post("/api/admin/prices")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString(field));
  }
}
