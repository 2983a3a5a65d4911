package dev.sightline.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.clickhouse.ClickHouseClient;
import dev.sightline.query.storage.ApiKeyRepository;
import dev.sightline.query.storage.ProjectRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Searches stay exact when a later version of a row moved it to another hour of its day, which
 * leaves the older version behind in the old hour of the time-ordered copies (migration 0006).
 */
@QuarkusTest
class MovedRowSearchTest {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String PROJECT = "proj_moved_" + RUN;
  private static final String SECRET = "sk-sl-moved-" + RUN;
  // Yesterday (UTC), so both hours are in the past and in one day partition whenever this runs.
  private static final long DAY_US =
      LocalDate.now(ZoneOffset.UTC).minusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond()
          * 1_000_000;
  private static final long HOUR_US = 3_600_000_000L;
  private static final long OLD_US = DAY_US + 13 * HOUR_US + 600_000_000L; // 13:10
  private static final long NEW_US = DAY_US + 10 * HOUR_US + 600_000_000L; // 10:10

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
    // Version 1 of trace "moved" and its observation at 13:10; version 2 moved both to 10:10 and
    // changed name, model and text, as a root span arriving after its child would.
    Map<String, Object> oldTrace = SearchRows.trace(PROJECT, "moved", OLD_US);
    oldTrace.put("name", "before");
    oldTrace.put("input", "kangaroo");
    Map<String, Object> newTrace = SearchRows.trace(PROJECT, "moved", NEW_US);
    newTrace.put("name", "after");
    newTrace.put("version", 2);
    Map<String, Object> oldObservation =
        SearchRows.observation(PROJECT, "moved", "llm-1", OLD_US, 1_000_000);
    oldObservation.put("model", "m-old");
    oldObservation.put("output", "wombat");
    Map<String, Object> newObservation =
        SearchRows.observation(PROJECT, "moved", "llm-1", NEW_US, 1_000_000);
    newObservation.put("model", "m-new");
    newObservation.put("output", "platypus");
    newObservation.put("version", 2);
    // A neighbour that never moved, so a search that drops "moved" still has something to return.
    Map<String, Object> steady = SearchRows.trace(PROJECT, "steady", OLD_US + 1_000_000);
    Map<String, Object> steadyObservation =
        SearchRows.observation(PROJECT, "steady", "llm-2", OLD_US + 1_000_000, 1_000_000);
    steadyObservation.put("model", "m-old");
    // Separate inserts: separate parts, as versions written seconds apart are.
    clickHouse.insertJsonEachRow("traces", SearchRows.lines(List.of(oldTrace, steady)));
    clickHouse.insertJsonEachRow("traces", SearchRows.lines(List.of(newTrace)));
    clickHouse.insertJsonEachRow(
        "observations", SearchRows.lines(List.of(oldObservation, steadyObservation)));
    clickHouse.insertJsonEachRow("observations", SearchRows.lines(List.of(newObservation)));
  }

  @Test
  void aMovedTraceIsListedOnceAtItsNewTime() {
    Response r = get("/api/v1/traces", Map.of());
    assertThat(r.jsonPath().getList("data.id", String.class)).containsExactly("steady", "moved");
    assertThat(r.jsonPath().getString("data[1].timestamp")).isEqualTo(iso(NEW_US));
    assertThat(r.jsonPath().getString("data[1].name")).isEqualTo("after");
  }

  @Test
  void theHourAMovedTraceLeftDoesNotShowIt() {
    Map<String, Object> oldHour = Map.of("from", iso(DAY_US + 13 * HOUR_US), "to", iso(OLD_US + 1));
    assertThat(ids("/api/v1/traces", oldHour)).isEmpty();
    assertThat(ids("/api/v1/traces", Map.of("name", "before"))).isEmpty();
    assertThat(ids("/api/v1/traces", Map.of("name", "after"))).containsExactly("moved");
  }

  @Test
  void fullTextMatchesOnlyTheNewestTextOfTracesAndObservations() {
    assertThat(ids("/api/v1/traces", Map.of("q", "kangaroo"))).isEmpty();
    assertThat(ids("/api/v1/traces", Map.of("q", "wombat"))).isEmpty();
    assertThat(ids("/api/v1/traces", Map.of("q", "PLATYPUS"))).containsExactly("moved");
  }

  @Test
  void aMovedObservationIsFoundOnceByItsNewestValues() {
    Response all = get("/api/v1/observations", Map.of("traceId", "moved"));
    assertThat(all.jsonPath().getList("data.id", String.class)).containsExactly("llm-1");
    assertThat(all.jsonPath().getString("data[0].startTime")).isEqualTo(iso(NEW_US));
    assertThat(ids("/api/v1/observations", Map.of("model", "m-old"))).containsExactly("llm-2");
    assertThat(ids("/api/v1/observations", Map.of("model", "m-new"))).containsExactly("llm-1");
    assertThat(ids("/api/v1/observations", Map.of("q", "wombat"))).isEmpty();
  }

  @Test
  void aMovedTraceCountsItsObservationOnce() {
    Response r = get("/api/v1/traces", Map.of("name", "after"));
    assertThat(r.jsonPath().getDouble("data[0].observationCount")).isEqualTo(1.0);
    // Read from the copies: the one observation's newest version spans 1 s from the trace's start.
    assertThat(r.jsonPath().getDouble("data[0].latencyMs")).isEqualTo(1000.0);
  }

  private List<String> ids(String path, Map<String, Object> params) {
    return get(path, params).jsonPath().getList("data.id", String.class);
  }

  private Response get(String path, Map<String, Object> params) {
    RequestSpecification request = given().header("Authorization", "Bearer " + SECRET);
    Map<String, Object> all = new HashMap<>();
    all.put("from", iso(DAY_US));
    all.put("to", iso(DAY_US + 24 * HOUR_US));
    all.putAll(params);
    all.forEach(request::queryParam);
    Response r = request.get(path);
    r.then().log().ifValidationFails().statusCode(200);
    return r;
  }

  private static String iso(long micros) {
    return Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000).toString();
  }
}
