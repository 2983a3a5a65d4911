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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Metrics over closed days read the hour and day rollups built by the compaction job, and today's
 * closed hours an open rollup; both answer exactly what the 1-minute windows answer, also after a
 * late window changes a rolled-up day or hour.
 */
@QuarkusTest
class MetricsRollupTest {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String PROJECT = "proj_rollup_" + RUN;
  private static final String SECRET = "sk-sl-rollup-" + RUN;
  // A closed day (three days ago, UTC), from 10:00: three hours of windows.
  private static final Instant DAY =
      LocalDate.now(ZoneOffset.UTC).minusDays(3).atStartOfDay().toInstant(ZoneOffset.UTC);
  private static final Instant BASE = DAY.plusSeconds(10 * 3600);
  // Played as "today" by the compaction job: two days ago, with windows from 10:00 to 12:59.
  private static final String OPEN_PROJECT = "proj_rollup_open_" + RUN;
  private static final String OPEN_SECRET = "sk-sl-rollup-open-" + RUN;
  private static final Instant OPEN_DAY =
      LocalDate.now(ZoneOffset.UTC).minusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC);
  private static final Instant OPEN_BASE = OPEN_DAY.plusSeconds(10 * 3600);

  @Inject ClickHouseClient clickHouse;
  @Inject ProjectRepository projects;
  @Inject ApiKeyRepository keys;
  @Inject PartitionCompactor compactor;

  @Test
  void rolledUpDaysAnswerExactlyLikeTheirMinuteWindowsAndALateWindowIsNeverMissed() {
    TestProjects.create(projects, keys, PROJECT, SECRET);
    List<Map<String, Object>> windows = new ArrayList<>();
    for (int i = 0; i < 180; i++) {
      // Every minute of 10:00-12:59 with its own latencies, two models.
      windows.add(
          WindowRows.window(
              PROJECT,
              BASE.plusSeconds(60L * i),
              "chat",
              i % 3 == 0 ? "claude-3" : "gpt-4o",
              WindowRows.range(10 + i, 20)));
    }
    clickHouse.insertJsonEachRow("observation_aggregates", SearchRows.lines(windows));
    // Off the hour on both ends, so the first and last hours come from minute windows.
    Map<String, Object> range = Map.of("from", BASE.plusSeconds(1800).toString());
    String to = BASE.plusSeconds(3 * 3600 - 600).toString();
    JsonPath minutes = metrics(range, to, "model", null);
    JsonPath minuteSeries = metrics(range, to, "model", "1h");
    // The whole day (day rows after the rollup), as totals and as a daily series.
    Map<String, Object> wholeDay = Map.of("from", DAY.toString());
    String nextDay = DAY.plusSeconds(86_400).toString();
    JsonPath dayTotals = metrics(wholeDay, nextDay, "model", null);
    JsonPath daySeries = metrics(wholeDay, nextDay, "model", "1d");

    List<String> done = compactor.run();

    assertThat(done).contains("observation_aggregates_rollup/" + DAY.toString().substring(0, 10));
    assertThat(rollupRows(3600)).isEqualTo(6); // 3 hours x 2 models
    assertThat(rollupRows(86_400)).isEqualTo(2);
    assertThat(metrics(wholeDay, nextDay, "model", null).getList("groups"))
        .isEqualTo(dayTotals.getList("groups"));
    assertThat(metrics(wholeDay, nextDay, "model", "1d").getList("groups"))
        .isEqualTo(daySeries.getList("groups"));
    assertThat(totalCount(dayTotals)).isEqualTo(180 * 20);
    assertThat(metrics(range, to, "model", null).getList("groups"))
        .isEqualTo(minutes.getList("groups"));
    assertThat(metrics(range, to, "model", "1h").getList("groups"))
        .isEqualTo(minuteSeries.getList("groups"));
    assertThat(totalCount(minutes)).isEqualTo(140 * 20);

    // A late window lands in the rolled-up day: a new part, so the rollup is not read.
    clickHouse.insertJsonEachRow(
        "observation_aggregates",
        SearchRows.lines(
            List.of(
                WindowRows.window(
                    PROJECT, BASE.plusSeconds(3600 + 30 * 60 + 1), "chat", "mistral", 5000))));
    assertThat(totalCount(metrics(range, to, "model", null))).isEqualTo(140 * 20 + 1);

    compactor.run();

    JsonPath rebuilt = metrics(range, to, "model", null);
    assertThat(totalCount(rebuilt)).isEqualTo(140 * 20 + 1);
    assertThat(rebuilt.getList("groups")).hasSize(3);
    // 5-minute buckets never read hour rows, and agree with the totals.
    assertThat(totalCount(metrics(range, to, "model", "5m"))).isEqualTo(140 * 20 + 1);
  }

  @Test
  void anOpenDaysClosedHoursAreReadFromItsRollupUntilAPartChanges() {
    TestProjects.create(projects, keys, OPEN_PROJECT, OPEN_SECRET);
    List<Map<String, Object>> windows = new ArrayList<>();
    List<Map<String, Object>> updates = new ArrayList<>();
    for (int i = 0; i < 180; i++) {
      Instant start = OPEN_BASE.plusSeconds(60L * i);
      String model = i % 3 == 0 ? "claude-3" : "gpt-4o";
      windows.add(WindowRows.window(OPEN_PROJECT, start, "chat", model, WindowRows.range(i, 20)));
      if (i < 60) {
        // A later version of each window of the first hour, in another part (suppression is off:
        // every update of a window is written again): only it may count.
        updates.add(
            WindowRows.window(OPEN_PROJECT, start, "chat", model, WindowRows.range(i + 5, 30)));
      }
    }
    clickHouse.insertJsonEachRow("observation_aggregates", SearchRows.lines(windows));
    clickHouse.insertJsonEachRow("observation_aggregates", SearchRows.lines(updates));
    Map<String, Object> range = Map.of("from", OPEN_DAY.plusSeconds(9 * 3600 + 1800).toString());
    String to = OPEN_DAY.plusSeconds(14 * 3600 + 600).toString();
    JsonPath minutes = metrics(OPEN_SECRET, range, to, "model", null);
    JsonPath minuteSeries = metrics(OPEN_SECRET, range, to, "model", "1h");
    long total = 60 * 30 + 120 * 20;
    assertThat(totalCount(minutes)).isEqualTo(total);

    // 13:20: the hours before 13:00 ended more than 10 minutes ago.
    Instant now = OPEN_DAY.plusSeconds(13 * 3600 + 20 * 60);
    assertThat(compactor.run(now))
        .contains(
            "observation_aggregates_rollup/" + OPEN_DAY.toString().substring(0, 10) + " (open)");

    assertThat(metrics(OPEN_SECRET, range, to, "model", null).getList("groups"))
        .isEqualTo(minutes.getList("groups"));
    assertThat(metrics(OPEN_SECRET, range, to, "model", "1h").getList("groups"))
        .isEqualTo(minuteSeries.getList("groups"));
    // The open rollup is what is read: a row added under its tag shows in the answer.
    String tag =
        clickHouse
            .query(
                "SELECT source_part FROM observation_aggregates_rollups WHERE window_date = '"
                    + OPEN_DAY.toString().substring(0, 10)
                    + "' AND startsWith(source_part, 'open:')")
            .trim();
    assertThat(tag).startsWith("open:");
    clickHouse.insertJsonEachRow(
        "observation_aggregates_rollup",
        ("{\"project_id\":\"%s\",\"window_date\":\"%s\",\"resolution_s\":3600,"
                + "\"window_start\":\"%s 11:00:00\",\"name\":\"chat\",\"model\":\"gpt-4o\","
                + "\"count\":1000,\"source_part\":\"%s\"}")
            .formatted(
                OPEN_PROJECT,
                OPEN_DAY.toString().substring(0, 10),
                OPEN_DAY.toString().substring(0, 10),
                tag)
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(totalCount(metrics(OPEN_SECRET, range, to, "model", null))).isEqualTo(total + 1000);

    // A late window for a rolled-up hour is a new part: the minute windows are read again.
    clickHouse.insertJsonEachRow(
        "observation_aggregates",
        SearchRows.lines(
            List.of(
                WindowRows.window(
                    OPEN_PROJECT, OPEN_BASE.plusSeconds(90 * 60), "chat", "mistral", 5000))));
    assertThat(totalCount(metrics(OPEN_SECRET, range, to, "model", null))).isEqualTo(total + 1);

    compactor.run(now);

    JsonPath rebuilt = metrics(OPEN_SECRET, range, to, "model", null);
    assertThat(totalCount(rebuilt)).isEqualTo(total + 1);
    assertThat(rebuilt.getList("groups")).hasSize(3);
  }

  private long rollupRows(int resolutionSeconds) {
    return Long.parseLong(
        clickHouse
            .query(
                "SELECT count() FROM observation_aggregates_rollup WHERE project_id = '"
                    + PROJECT
                    + "' AND resolution_s = "
                    + resolutionSeconds
                    + " AND source_part IN (SELECT source_part FROM"
                    + " observation_aggregates_rollups)")
            .trim());
  }

  private static long totalCount(JsonPath json) {
    long n = 0;
    for (Map<String, Object> g : json.<Map<String, Object>>getList("groups")) {
      Object series = g.get("series");
      if (series == null) {
        n += ((Number) ((Map<?, ?>) g.get("totals")).get("count")).longValue();
      } else {
        for (Object point : (List<?>) series) {
          n += ((Number) ((Map<?, ?>) ((Map<?, ?>) point).get("metrics")).get("count")).longValue();
        }
      }
    }
    return n;
  }

  private static JsonPath metrics(
      Map<String, Object> range, String to, String groupBy, String interval) {
    return metrics(SECRET, range, to, groupBy, interval);
  }

  private static JsonPath metrics(
      String secret, Map<String, Object> range, String to, String groupBy, String interval) {
    var request =
        given()
            .header("Authorization", "Bearer " + secret)
            .queryParams(range)
            .queryParam("to", to)
            .queryParam("groupBy", groupBy);
    if (interval != null) {
      request = request.queryParam("interval", interval);
    }
    return request
        .get("/api/v1/metrics")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200)
        .extract()
        .jsonPath();
  }
}
