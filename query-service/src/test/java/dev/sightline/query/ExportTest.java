package dev.sightline.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.sightline.clickhouse.ClickHouseClient;
import dev.sightline.query.storage.ApiKeyRepository;
import dev.sightline.query.storage.ProjectRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /api/v1/traces/export: streamed JSON lines and RFC 4180 CSV, capped, one project only. */
@QuarkusTest
class ExportTest {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String PROJECT = "proj_export_" + RUN;
  private static final String OTHER = "proj_export_other_" + RUN;
  private static final String SECRET = "sk-sl-export-" + RUN;
  private static final String OTHER_SECRET = "sk-sl-export-other-" + RUN;
  private static final long BASE_US = (Instant.now().toEpochMilli() - 3_600_000) * 1000;
  // More than sightline.query.max-export-rows (3000 in %test), several MB of rows.
  private static final int ROWS = 3200;
  private static final List<String> NASTY =
      List.of("a,b", "say \"hi\"", "two\nlines", "crlf\r\nend", " padded ", "Ёлка, \"ёж\"");

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
    TestProjects.create(projects, keys, OTHER, OTHER_SECRET);
    List<Map<String, Object>> traces = new ArrayList<>();
    List<Map<String, Object>> observations = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      Map<String, Object> t = SearchRows.trace(PROJECT, "x" + i, BASE_US + i * 1000L);
      t.put("tags", List.of("bulk", "n" + (i % 7)));
      traces.add(t);
      Map<String, Object> o = SearchRows.observation(PROJECT, "x" + i, "xo" + i, BASE_US, 5000);
      o.put("cost_total", 0.001);
      observations.add(o);
    }
    for (int i = 0; i < NASTY.size(); i++) {
      // Newest rows, so they are within the cap of a newest-first export.
      Map<String, Object> t = SearchRows.trace(PROJECT, "nasty" + i, BASE_US + 10_000_000L + i);
      t.put("name", NASTY.get(i));
      t.put("tags", List.of(NASTY.get(i), "x"));
      traces.add(t);
    }
    for (int i = 0; i < 50; i++) {
      Map<String, Object> t = SearchRows.trace(OTHER, "other" + i, BASE_US + i * 1000L);
      t.put("tags", List.of("bulk"));
      traces.add(t);
    }
    clickHouse.insertJsonEachRow("traces", SearchRows.lines(traces));
    clickHouse.insertJsonEachRow("observations", SearchRows.lines(observations));
  }

  @Test
  void streamsJsonLinesUpToTheRowCapNewestFirst() throws Exception {
    Response r = export(SECRET, Map.of("format", "jsonl"));
    r.then()
        .statusCode(200)
        .contentType(startsWith("application/x-ndjson"))
        .header("Content-Disposition", containsString("attachment; filename=\"traces.jsonl\""));
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> rows = new ArrayList<>();
    for (String line : r.asString().split("\n")) {
      rows.add(json.readTree(line));
    }
    assertThat(rows).hasSize(3000);
    assertThat(rows.get(0).path("id").asText()).isEqualTo("nasty" + (NASTY.size() - 1));
    assertThat(rows.stream().map(n -> n.path("id").asText()).distinct()).hasSize(3000);
    JsonNode bulk =
        rows.stream().filter(n -> n.path("id").asText().equals("x3199")).findFirst().orElseThrow();
    assertThat(bulk.path("observationCount").asLong()).isEqualTo(1);
    assertThat(bulk.path("totalCostUsd").asDouble()).isEqualTo(0.001);
    assertThat(bulk.path("tags").get(0).asText()).isEqualTo("bulk");
  }

  @Test
  void csvRoundTripsThroughARealCsvParser() throws Exception {
    Response r = export(SECRET, Map.of("format", "csv"));
    r.then()
        .statusCode(200)
        .contentType(startsWith("text/csv"))
        .header("Content-Disposition", containsString("filename=\"traces.csv\""));
    List<Map<String, String>> rows = csv(r.asString());
    assertThat(rows).hasSize(3000);
    assertThat(rows.get(0).keySet())
        .containsExactly(
            "id",
            "name",
            "timestamp",
            "userId",
            "sessionId",
            "tags",
            "environment",
            "release",
            "totalCostUsd",
            "latencyMs",
            "observationCount",
            "level");
    Map<String, String> byId = new HashMap<>();
    rows.forEach(row -> byId.put(row.get("id"), row.get("name")));
    for (int i = 0; i < NASTY.size(); i++) {
      assertThat(byId.get("nasty" + i)).isEqualTo(NASTY.get(i));
    }
    Map<String, String> bulk =
        rows.stream().filter(x -> x.get("id").equals("x3100")).findFirst().orElseThrow();
    assertThat(bulk.get("tags")).isEqualTo("[\"bulk\",\"n6\"]");
    assertThat(bulk.get("observationCount")).isEqualTo("1");
    assertThat(bulk.get("userId")).isEmpty();
  }

  @Test
  void appliesTheSearchFilters() throws Exception {
    List<Map<String, String>> rows =
        csv(export(SECRET, Map.of("format", "csv", "name", "two\nlines")).asString());
    assertThat(rows).extracting(x -> x.get("id")).containsExactly("nasty2");
    List<Map<String, String>> tagged =
        csv(export(SECRET, Map.of("format", "csv", "tag", "n3")).asString());
    assertThat(tagged).hasSize(ROWS / 7 + (ROWS % 7 > 3 ? 1 : 0));
  }

  @Test
  void anotherProjectsRowsNeverAppear() throws Exception {
    List<Map<String, String>> other = csv(export(OTHER_SECRET, Map.of("format", "csv")).asString());
    assertThat(other).hasSize(50).allMatch(x -> x.get("id").startsWith("other"));
    String mine = export(SECRET, Map.of("format", "jsonl", "tag", "bulk")).asString();
    assertThat(mine).doesNotContain("\"other");
  }

  @Test
  void rejectsACursorALimitAndAnUnknownFormat() {
    for (Map<String, Object> bad :
        List.of(
            Map.<String, Object>of("cursor", "abc"),
            Map.<String, Object>of("limit", "10"),
            Map.<String, Object>of("format", "xlsx"))) {
      export(SECRET, bad)
          .then()
          .statusCode(400)
          .body("detail", containsString(bad.keySet().iterator().next()));
    }
  }

  private static List<Map<String, String>> csv(String body) throws Exception {
    CsvMapper mapper = new CsvMapper();
    try (MappingIterator<Map<String, String>> it =
        mapper
            .readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(body)) {
      return it.readAll();
    }
  }

  private static Response export(String secret, Map<String, Object> params) {
    Map<String, Object> all = new HashMap<>();
    all.put("from", Instant.ofEpochMilli(BASE_US / 1000 - 60_000).toString());
    all.put("to", Instant.ofEpochMilli(BASE_US / 1000 + 3_600_000).toString());
    all.putAll(params);
    return given()
        .header("Authorization", "Bearer " + secret)
        .queryParams(all)
        .get("/api/v1/traces/export");
  }
}
