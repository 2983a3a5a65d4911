package dev.sightline.query;

import dev.sightline.clickhouse.ClickHouseClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Raw traces and observations for the release/user metrics and per-trace distributions: trace t1
 * (chat, r1, u1) has 4 observations of 10-40 ms at 0.01 USD, one ERROR (cost 0.04, span 43 ms); t2
 * (chat, r2, u2) has 100 ms at 0.1 and 200 ms at 0.2 USD (0.3, span 250 ms); t3 (other) one
 * observation of 1000 ms at 1 USD.
 */
final class RawMetricRows {

  private RawMetricRows() {}

  static void insert(ClickHouseClient clickHouse, String projectId, Instant base) {
    long us = base.plusSeconds(1800).toEpochMilli() * 1000;
    List<Map<String, Object>> traces = new ArrayList<>();
    List<Map<String, Object>> observations = new ArrayList<>();
    traces.add(trace(projectId, "t1", "chat", "r1", "u1", us));
    traces.add(trace(projectId, "t2", "chat", "r2", "u2", us));
    traces.add(trace(projectId, "t3", "other", "r3", "u3", us));
    for (int i = 0; i < 4; i++) {
      Map<String, Object> o =
          observation(projectId, "t1", "t1-o" + i, us + i * 1000L, 10 * (i + 1));
      o.put("cost_total", 0.01);
      o.put("level", i == 0 ? "ERROR" : "DEFAULT");
      observations.add(o);
    }
    Map<String, Object> first = observation(projectId, "t2", "t2-o0", us, 100);
    first.put("cost_total", 0.1);
    observations.add(first);
    Map<String, Object> second = observation(projectId, "t2", "t2-o1", us + 50_000, 200);
    second.put("cost_total", 0.2);
    observations.add(second);
    Map<String, Object> other = observation(projectId, "t3", "t3-o0", us, 1000);
    other.put("cost_total", 1.0);
    observations.add(other);
    clickHouse.insertJsonEachRow("traces", SearchRows.lines(traces));
    clickHouse.insertJsonEachRow("observations", SearchRows.lines(observations));
  }

  private static Map<String, Object> trace(
      String projectId, String id, String name, String release, String user, long us) {
    Map<String, Object> t = SearchRows.trace(projectId, id, us);
    t.put("name", name);
    t.put("release", release);
    t.put("user_id", user);
    return t;
  }

  private static Map<String, Object> observation(
      String projectId, String traceId, String id, long startUs, int latencyMs) {
    Map<String, Object> o =
        SearchRows.observation(projectId, traceId, id, startUs, latencyMs * 1000L);
    o.put("name", "chat");
    o.put("model", "gpt-4o");
    o.put("latency_ms", (double) latencyMs);
    return o;
  }
}
