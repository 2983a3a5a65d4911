package dev.sightline.query;

import dev.sightline.clickhouse.ClickHouseClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The rows of {@link ObservationSearchTest}: project B reuses project A's trace and obs ids. */
final class ObservationSeed {

  private ObservationSeed() {}

  static void insert(ClickHouseClient ch, String a, String b, long baseUs, int pageRows) {
    List<Map<String, Object>> traces = new ArrayList<>();
    List<Map<String, Object>> obs = new ArrayList<>();
    Map<String, Object> t1 = SearchRows.trace(a, "t1", baseUs + 1_000_000);
    t1.put("user_id", "u-1");
    t1.put("session_id", "s-1");
    traces.add(t1);
    Map<String, Object> t2 = SearchRows.trace(a, "t2", baseUs + 3_000_000);
    t2.put("user_id", "u-2");
    t2.put("session_id", "s-2");
    traces.add(t2);
    Map<String, Object> o1 = SearchRows.observation(a, "t1", "o1", baseUs + 1_000_000, 1_000_000);
    o1.put("model", "gpt-4o");
    o1.put("prompt_name", "greet");
    o1.put("prompt_version", 1);
    o1.put("environment", "prod");
    o1.put("cost_total", 0.001);
    o1.put("input", "Привет МИР");
    obs.add(o1);
    Map<String, Object> o2 = SearchRows.observation(a, "t1", "o2", baseUs + 2_000_000, 5_000_000);
    o2.put("type", "SPAN");
    o2.put("name", "retrieve");
    o2.put("level", "ERROR");
    o2.put("environment", "prod");
    o2.put("output", "Ответ: ёЛКА");
    obs.add(o2);
    // Same observation id as t1's first one: ids are unique only within a trace.
    Map<String, Object> o3 = SearchRows.observation(a, "t2", "o1", baseUs + 3_000_000, 2_000_000);
    o3.put("model", "claude-3");
    o3.put("prompt_name", "greet");
    o3.put("prompt_version", 2);
    o3.put("environment", "dev");
    o3.put("level", "WARNING");
    o3.put("cost_total", 0.01);
    obs.add(o3);
    for (String trace : List.of("pt-a", "pt-b")) {
      for (int i = 0; i < pageRows; i++) {
        // Repeated times, costs and latencies (and ids across the two traces) exercise ties.
        Map<String, Object> p =
            SearchRows.observation(
                a, trace, "po" + i, baseUs + 10_000_000 + (i / 3) * 1000, (i % 5) * 1000);
        p.put("name", "page");
        p.put("cost_total", (i % 4) * 0.0001);
        obs.add(p);
      }
    }
    Map<String, Object> bt1 = SearchRows.trace(b, "t1", baseUs + 1_000_000);
    bt1.put("user_id", "u-1");
    bt1.put("session_id", "s-1");
    traces.add(bt1);
    Map<String, Object> bo1 = SearchRows.observation(b, "t1", "o1", baseUs + 1_000_000, 500_000);
    bo1.put("name", "b-llm");
    obs.add(bo1);
    ch.insertJsonEachRow("traces", SearchRows.lines(traces));
    ch.insertJsonEachRow("observations", SearchRows.lines(obs));
  }

  static void insertLate(ClickHouseClient ch, String project, long baseUs, String suffix) {
    Map<String, Object> o =
        SearchRows.observation(project, "late", "late-" + suffix, baseUs + 10_001_500, 2000);
    o.put("name", "page");
    o.put("cost_total", 0.0002);
    ch.insertJsonEachRow("observations", SearchRows.lines(List.of(o)));
  }
}
