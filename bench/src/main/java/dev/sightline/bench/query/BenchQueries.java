package dev.sightline.bench.query;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The measured queries, all against the largest project (60 % of the data): what an analyst or an
 * on-call engineer runs, over the whole loaded range unless said otherwise.
 */
final class BenchQueries {

  private static final List<String> TRACE_NAMES =
      List.of("chat-answer", "rag-search", "support-agent", "summarize-ticket", "classify-intent");
  // Terms of every script the generator writes: Latin, German, Cyrillic, Japanese, Arabic, Hindi.
  private static final List<String> TERMS =
      List.of("enterprise", "KÜNDIGEN", "счёт", "届きます", "الإرجاع", "ऑर्डर", "password");

  private final QueryBenchOptions o;
  private final BenchProjects p;
  private final String range;
  private final List<String> traceIds;
  private final List<String> sessionIds;

  BenchQueries(QueryBenchOptions o, BenchProjects p) throws IOException {
    this.o = o;
    this.p = p;
    Instant to = Instant.ofEpochSecond(p.nowMicros() / 1_000_000 + 60);
    Instant from = to.minusSeconds(o.days() * 86_400L + 120);
    this.range = "from=" + from + "&to=" + to;
    String project = "'" + p.ids().get(0) + "'";
    this.traceIds = sample("SELECT trace_id FROM traces WHERE project_id = " + project);
    this.sessionIds =
        sample("SELECT DISTINCT session_id FROM traces WHERE project_id = " + project);
  }

  List<QueryTiming> timeAll(Progress progress) {
    QueryRunner r = new QueryRunner(o.queryUrl(), p.authorizations().get(0), o.runs());
    progress.line("timing 7 queries x %d runs (after 2 warm-ups each)", o.runs());
    return List.of(
        r.time(
            "trace_list_3_filters",
            "traces: environment + name + tag, newest 50",
            i ->
                "/api/v1/traces?"
                    + range
                    + "&environment=production&tag=vip&name="
                    + TRACE_NAMES.get(i % TRACE_NAMES.size())
                    + "&limit=50"),
        r.time(
            "full_text_search",
            "traces whose input/output contains a term (7 scripts)",
            i -> "/api/v1/traces?" + range + "&limit=50&q=" + enc(TERMS.get(i % TERMS.size()))),
        r.time(
            "trace_tree",
            "one trace with its observations and scores",
            i -> "/api/v1/traces/" + traceIds.get(i % traceIds.size())),
        r.time(
            "metrics_by_model_7d",
            "count, errors, tokens, cost, p50/95/99 by model",
            i -> "/api/v1/metrics?" + range + "&groupBy=model"),
        r.time(
            "metrics_by_prompt_version_7d",
            "the same by prompt name + version",
            i -> "/api/v1/metrics?" + range + "&groupBy=prompt"),
        r.time(
            "session_view",
            "a session's traces in order with totals",
            i -> "/api/v1/sessions/" + sessionIds.get(i % sessionIds.size()) + "?" + range),
        r.time(
            "observation_search",
            "generations of one model with errors, newest 50",
            i ->
                "/api/v1/observations?"
                    + range
                    + "&type=GENERATION&model=gpt-4.1&level=ERROR&limit=50"));
  }

  /** The export of the project's most recent {@code exportTraces} traces. */
  String exportPath() throws IOException {
    String fromMicros =
        Http.clickhouse(
                o.clickhouseUrl(),
                o.database(),
                "SELECT min(timestamp_us) FROM (SELECT timestamp_us FROM traces WHERE project_id = '"
                    + p.ids().get(0)
                    + "' ORDER BY timestamp_us DESC LIMIT "
                    + o.exportTraces()
                    + ")")
            .trim();
    Instant from = Instant.ofEpochSecond(0, Long.parseLong(fromMicros) * 1000);
    Instant to = Instant.ofEpochSecond(p.nowMicros() / 1_000_000 + 60);
    return "/api/v1/traces/export?format=jsonl&from=" + from + "&to=" + to;
  }

  private List<String> sample(String select) throws IOException {
    String out =
        Http.clickhouse(
            o.clickhouseUrl(),
            o.database(),
            "SELECT * FROM (" + select + ") ORDER BY cityHash64(*) LIMIT " + o.runs());
    return out.lines().filter(s -> !s.isBlank()).toList();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
