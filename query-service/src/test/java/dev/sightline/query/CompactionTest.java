package dev.sightline.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.clickhouse.ClickHouseClient;
import dev.sightline.query.storage.ApiKeyRepository;
import dev.sightline.query.storage.PartitionCompactor;
import dev.sightline.query.storage.ProjectRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Compaction of closed days and the reads that skip FINAL on them, against the real ClickHouse. */
@QuarkusTest
class CompactionTest {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  @Inject ClickHouseClient clickHouse;
  @Inject PartitionCompactor compactor;
  @Inject ProjectRepository projects;
  @Inject ApiKeyRepository keys;

  @Test
  void aCompactedDayShowsOnlyTheNewestVersionAndStaysCollapsedAfterALateDuplicate() {
    String project = "proj_compact_" + RUN;
    String secret = "sk-sl-compact-" + RUN;
    TestProjects.create(projects, keys, project, secret);
    long dayUs = Instant.now().minus(3, ChronoUnit.DAYS).toEpochMilli() * 1000;
    String day =
        Instant.ofEpochSecond(dayUs / 1_000_000).atOffset(ZoneOffset.UTC).toLocalDate().toString();
    String traceId = "t-compact-" + RUN;
    Map<String, Object> stale = observation(project, traceId, dayUs, 1.0, 1);
    Map<String, Object> newest = observation(project, traceId, dayUs, 2.0, 2);
    clickHouse.insertJsonEachRow(
        "traces", SearchRows.lines(List.of(SearchRows.trace(project, traceId, dayUs))));
    clickHouse.insertJsonEachRow("observations", SearchRows.lines(List.of(stale)));
    clickHouse.insertJsonEachRow("observations", SearchRows.lines(List.of(newest)));

    List<String> compacted = compactor.run();

    assertThat(compacted).contains("observations/" + day, "traces/" + day);
    assertThat(cleanDays("observations")).contains(day);
    expectOneObservationCosting(2.0, secret, traceId, dayUs);

    // A re-delivered old version lands in the compacted day: it is dirty again, reads use FINAL.
    clickHouse.insertJsonEachRow("observations", SearchRows.lines(List.of(stale)));

    assertThat(cleanDays("observations")).doesNotContain(day);
    expectOneObservationCosting(2.0, secret, traceId, dayUs);
  }

  private static Map<String, Object> observation(
      String project, String traceId, long startUs, double cost, int version) {
    Map<String, Object> row = SearchRows.observation(project, traceId, "o-1", startUs, 1_000_000);
    row.put("cost_total", cost);
    row.put("version", version);
    return row;
  }

  private Set<String> cleanDays(String table) {
    String out =
        clickHouse.query(
            "SELECT partition FROM system.parts WHERE active AND database = '"
                + clickHouse.database()
                + "' AND table = '"
                + table
                + "' GROUP BY partition HAVING count() = 1 AND min(level) >= 1");
    return Set.copyOf(out.lines().toList());
  }

  private static void expectOneObservationCosting(
      double cost, String secret, String traceId, long dayUs) {
    JsonPath trace =
        given()
            .auth()
            .preemptive()
            .basic("pk-" + secret, secret)
            .get("/api/v1/traces/" + traceId)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(trace.getList("observations")).hasSize(1);
    assertThat(trace.getDouble("totalCostUsd")).isEqualTo(cost);
    Instant at = Instant.ofEpochSecond(dayUs / 1_000_000);
    JsonPath page =
        given()
            .auth()
            .preemptive()
            .basic("pk-" + secret, secret)
            .queryParam("from", at.minusSeconds(3600).toString())
            .queryParam("to", at.plusSeconds(3600).toString())
            .get("/api/v1/traces")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(page.getList("data")).hasSize(1);
    assertThat(page.getLong("data[0].observationCount")).isEqualTo(1);
    assertThat(page.getDouble("data[0].totalCostUsd")).isEqualTo(cost);
  }
}
