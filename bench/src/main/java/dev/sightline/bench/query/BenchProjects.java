package dev.sightline.bench.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The three bench projects (created through the admin API, with a READ key each) and the load that
 * filled them, remembered in a state file so later runs reuse the data.
 *
 * @param ids project ids; the first gets 60 % of the traces, the second 30 %, the third 10 %
 * @param authorizations HTTP Basic header of each project's key, same order
 * @param nowMicros the load's "now": traces spread over the days before it
 */
record BenchProjects(
    List<String> ids, List<String> authorizations, long nowMicros, int traces, int days) {

  /** Creates three projects with a key each. */
  static BenchProjects create(QueryBenchOptions o) throws IOException {
    String admin = "Bearer " + o.adminToken();
    List<String> ids = new ArrayList<>();
    List<String> auths = new ArrayList<>();
    for (String name : List.of("bench-large", "bench-medium", "bench-small")) {
      JsonNode project =
          Http.postJson(
              URI.create(o.queryUrl() + "/api/admin/projects"),
              admin,
              "{\"name\":\"" + name + "\"}");
      String id = project.get("id").asText();
      JsonNode key =
          Http.postJson(
              URI.create(o.queryUrl() + "/api/admin/projects/" + id + "/keys"),
              admin,
              "{\"scope\":\"READ\",\"note\":\"query bench\"}");
      ids.add(id);
      auths.add(Http.basic(key.get("publicKey").asText(), key.get("secretKey").asText()));
    }
    long now = System.currentTimeMillis() / 60_000 * 60_000_000L;
    return new BenchProjects(List.copyOf(ids), List.copyOf(auths), now, o.traces(), o.days());
  }

  /** The projects of an earlier run, or null when there was none or it loaded another size. */
  static BenchProjects read(QueryBenchOptions o) throws IOException {
    Map<String, String> s = QueryBenchOptions.readEnvFile(o.stateFile());
    if (!s.containsKey("PROJECTS")
        || !String.valueOf(o.traces()).equals(s.get("TRACES"))
        || !String.valueOf(o.days()).equals(s.get("DAYS"))) {
      return null;
    }
    return new BenchProjects(
        List.of(s.get("PROJECTS").split(",")),
        List.of(s.get("AUTHORIZATIONS").split(",")),
        Long.parseLong(s.get("NOW_US")),
        o.traces(),
        o.days());
  }

  /** Remembers these projects (only after their data is completely loaded). */
  void write(QueryBenchOptions o) throws IOException {
    Files.writeString(
        o.stateFile(),
        "PROJECTS="
            + String.join(",", ids)
            + "\n"
            + "AUTHORIZATIONS="
            + String.join(",", authorizations)
            + "\n"
            + "NOW_US="
            + nowMicros
            + "\n"
            + "TRACES="
            + traces
            + "\n"
            + "DAYS="
            + days
            + "\n");
  }

  /** The ids as a ClickHouse array literal (they are generated ids: letters, digits, '_'). */
  String sqlArray() {
    for (String id : ids) {
      if (!id.matches("[A-Za-z0-9_-]+")) {
        throw new IllegalStateException("unexpected project id " + id);
      }
    }
    return "['" + String.join("','", ids) + "']";
  }

  /** The ids as a ClickHouse tuple literal, for {@code IN}. */
  String sqlTuple() {
    return "(" + sqlArray().substring(1, sqlArray().length() - 1) + ")";
  }
}
