package dev.sightline.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.clickhouse.ClickHouseClient;
import dev.sightline.query.storage.ApiKeyRepository;
import dev.sightline.query.storage.ProjectRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every text filter and path id against the real ClickHouse: each hostile value that is valid input
 * finds exactly the rows that hold it (and nothing else); each malformed one (too long, not UTF-8)
 * is a 400; nothing is ever a 500.
 */
@QuarkusTest
class SearchInjectionTest {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String PROJECT = "proj_fuzz_" + RUN;
  private static final String SECRET = "sk-sl-fuzz-" + RUN;
  private static final long NOW_MS = Instant.now().toEpochMilli();
  private static final long BASE_US = (NOW_MS - 3_600_000) * 1000;
  private static final List<String> SEEDED = HostileStrings.SEEDED;
  private static final List<String> TRACE_TEXT =
      List.of(
          "name",
          "userId",
          "sessionId",
          "tag",
          "environment",
          "release",
          "model",
          "promptName",
          "scoreName",
          "q");
  private static final List<String> OBSERVATION_TEXT =
      List.of(
          "traceId",
          "name",
          "type",
          "model",
          "promptName",
          "environment",
          "userId",
          "sessionId",
          "q");
  private static final List<String> NOT_TEXT =
      List.of(
          "level",
          "hasError",
          "sort",
          "order",
          "limit",
          "cursor",
          "minCost",
          "maxLatencyMs",
          "from");

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
    TestProjects.create(projects, keys, PROJECT, "pk-sl-fuzz-" + RUN, SECRET);
    List<Map<String, Object>> traces = new ArrayList<>();
    List<Map<String, Object>> obs = new ArrayList<>();
    List<Map<String, Object>> scores = new ArrayList<>();
    for (int i = 0; i < SEEDED.size(); i++) {
      String h = SEEDED.get(i);
      long at = BASE_US + i * 1000L;
      Map<String, Object> t = SearchRows.trace(PROJECT, h, at);
      for (String column : List.of("name", "user_id", "session_id", "environment", "release")) {
        t.put(column, h);
      }
      t.put("tags", List.of(h));
      t.put("input", "<<" + h + ">>");
      traces.add(t);
      Map<String, Object> o = SearchRows.observation(PROJECT, h, "fo-" + i, at, 1000);
      for (String column : List.of("name", "type", "model", "prompt_name", "environment")) {
        o.put(column, h);
      }
      o.put("output", "<<" + h + ">>");
      obs.add(o);
      scores.add(SearchRows.score(PROJECT, h, "fs-" + i, h, i, at));
    }
    clickHouse.insertJsonEachRow("traces", SearchRows.lines(traces));
    clickHouse.insertJsonEachRow("observations", SearchRows.lines(obs));
    clickHouse.insertJsonEachRow("scores", SearchRows.lines(scores));
  }

  @Test
  void everyTraceTextFilterMatchesHostileValuesLiterallyOrRejectsThem() {
    for (String param : TRACE_TEXT) {
      List<String> sent = HostileStrings.allEncoded();
      for (int i = 0; i < sent.size(); i++) {
        Response r = get("/api/v1/traces", param, sent.get(i));
        String what = param + "=" + sent.get(i);
        assertThat(r.statusCode()).as(what).isIn(200, 400);
        if (i >= SEEDED.size()) {
          assertThat(r.statusCode()).as(what).isEqualTo(400);
        } else {
          // Seeded values are valid input (<= 1000 chars, UTF-8): they must be found, not refused.
          assertThat(r.statusCode()).as(what).isEqualTo(200);
          List<String> expected = expected(i, param.equals("q")).stream().map(SEEDED::get).toList();
          assertThat(r.jsonPath().getList("data.id", String.class))
              .as(what)
              .containsExactlyInAnyOrderElementsOf(expected);
        }
      }
    }
  }

  @Test
  void everyObservationTextFilterMatchesHostileValuesLiterallyOrRejectsThem() {
    for (String param : OBSERVATION_TEXT) {
      List<String> sent = HostileStrings.allEncoded();
      for (int i = 0; i < sent.size(); i++) {
        Response r = get("/api/v1/observations", param, sent.get(i));
        String what = param + "=" + sent.get(i);
        assertThat(r.statusCode()).as(what).isIn(200, 400);
        if (i >= SEEDED.size()) {
          assertThat(r.statusCode()).as(what).isEqualTo(400);
        } else {
          // Seeded values are valid input (<= 1000 chars, UTF-8): they must be found, not refused.
          assertThat(r.statusCode()).as(what).isEqualTo(200);
          List<String> expected =
              expected(i, param.equals("q")).stream().map(j -> "fo-" + j).toList();
          assertThat(r.jsonPath().getList("data.id", String.class))
              .as(what)
              .containsExactlyInAnyOrderElementsOf(expected);
        }
      }
    }
  }

  @Test
  void sessionAndUserPathIdsMatchHostileValuesLiterallyOrAreRejected() {
    List<String> sent = HostileStrings.allEncoded();
    for (int i = 0; i < sent.size(); i++) {
      for (String view : List.of("sessions", "users")) {
        Response r =
            given()
                .urlEncodingEnabled(false)
                .header("Authorization", "Bearer " + SECRET)
                .get("/api/v1/" + view + "/" + sent.get(i));
        String what = view + "/" + sent.get(i);
        assertThat(r.statusCode()).as(what).isIn(200, 400);
        if (i >= SEEDED.size()) {
          assertThat(r.statusCode()).as(what).isEqualTo(400);
        } else {
          assertThat(r.statusCode()).as(what).isEqualTo(200);
          String list = view.equals("sessions") ? "traces" : "recentTraces";
          assertThat(r.jsonPath().getList(list + ".id", String.class))
              .as(what)
              .containsExactly(SEEDED.get(i));
          assertThat(r.jsonPath().getDouble("totals.traces")).as(what).isEqualTo(1.0);
        }
      }
    }
  }

  @Test
  void nonTextParametersRejectEveryHostileValueWith400() {
    for (String path : List.of("/api/v1/traces", "/api/v1/observations")) {
      for (String param : NOT_TEXT) {
        for (String value : HostileStrings.allEncoded()) {
          assertThat(get(path, param, value).statusCode())
              .as(path + " " + param + "=" + value)
              .isEqualTo(400);
        }
      }
    }
  }

  /** Indexes of the seeded values the i-th one finds: itself, or (q) those containing it. */
  private static List<Integer> expected(int i, boolean substring) {
    String needle = SEEDED.get(i).toLowerCase(Locale.ROOT);
    return IntStream.range(0, SEEDED.size())
        .filter(j -> substring ? SEEDED.get(j).toLowerCase(Locale.ROOT).contains(needle) : j == i)
        .boxed()
        .toList();
  }

  private static Response get(String path, String param, String encodedValue) {
    String from = HostileStrings.encode(Instant.ofEpochMilli(NOW_MS - 7_200_000).toString());
    String to = HostileStrings.encode(Instant.ofEpochMilli(NOW_MS + 60_000).toString());
    Map<String, String> all =
        new java.util.LinkedHashMap<>(Map.of("from", from, "to", to, "limit", "200"));
    all.put(param, encodedValue);
    return given()
        .urlEncodingEnabled(false)
        .header("Authorization", "Bearer " + SECRET)
        .queryParams(all)
        .get(path);
  }
}
