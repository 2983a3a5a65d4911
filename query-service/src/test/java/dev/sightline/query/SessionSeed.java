package dev.sightline.query;

import dev.sightline.clickhouse.ClickHouseClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The rows of {@link SessionAndUserTest}: project B reuses project A's session, user and ids. */
final class SessionSeed {

  static final String SESSION = "s-shared";
  static final String USER = "u-shared";

  private SessionSeed() {}

  static void insert(ClickHouseClient ch, String a, String b, long baseUs) {
    List<Map<String, Object>> traces = new ArrayList<>();
    List<Map<String, Object>> obs = new ArrayList<>();
    traces.add(trace(a, "x1", baseUs + 1_000_000, SESSION, USER, "first"));
    traces.add(trace(a, "x2", baseUs + 5_000_000, SESSION, USER, "last"));
    traces.add(trace(a, "x3", baseUs + 3_000_000, SESSION, "u-other", "middle"));
    traces.add(trace(a, "y1", baseUs + 7_000_000, "s-else", USER, "elsewhere"));
    // Was in the session and with the user, then moved by a later version of the trace: the
    // lookup table still holds the old pair, the views must not show it under the old ones.
    traces.add(trace(a, "moved", baseUs + 2_000_000, SESSION, USER, "moved-away"));
    Map<String, Object> moved =
        trace(a, "moved", baseUs + 2_000_000, "s-later", "u-later", "moved");
    moved.put("version", 2);
    traces.add(moved);
    obs.add(obs(a, "x1", "o1", baseUs + 1_000_000, 2_000_000, 0.001, 100L, "DEFAULT"));
    Map<String, Object> error =
        obs(a, "x1", "o2", baseUs + 1_500_000, 1_000_000, null, null, "ERROR");
    error.put("usage_input", 10);
    error.put("usage_output", 5);
    obs.add(error);
    obs.add(obs(a, "x2", "o1", baseUs + 5_000_000, 4_000_000, 0.002, 50L, "DEFAULT"));
    obs.add(obs(a, "y1", "o1", baseUs + 7_000_000, 1_000_000, 0.1, 1000L, "WARNING"));
    traces.add(trace(b, "x1", baseUs + 1_000_000, SESSION, USER, "b-only"));
    obs.add(obs(b, "x1", "o1", baseUs + 1_000_000, 500_000, 0.5, 7L, "DEFAULT"));
    ch.insertJsonEachRow("traces", SearchRows.lines(traces));
    ch.insertJsonEachRow("observations", SearchRows.lines(obs));
  }

  private static Map<String, Object> trace(
      String project, String id, long atUs, String session, String user, String name) {
    Map<String, Object> t = SearchRows.trace(project, id, atUs);
    t.put("session_id", session);
    t.put("user_id", user);
    t.put("name", name);
    return t;
  }

  private static Map<String, Object> obs(
      String project,
      String trace,
      String id,
      long startUs,
      long durationUs,
      Double cost,
      Long tokens,
      String level) {
    Map<String, Object> o = SearchRows.observation(project, trace, id, startUs, durationUs);
    o.put("cost_total", cost);
    o.put("usage_total", tokens);
    o.put("level", level);
    return o;
  }
}
