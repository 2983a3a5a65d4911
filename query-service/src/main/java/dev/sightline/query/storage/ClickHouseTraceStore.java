package dev.sightline.query.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.clickhouse.ClickHouseClient;
import dev.sightline.clickhouse.Sql;
import dev.sightline.query.domain.TraceStore;
import dev.sightline.query.domain.search.TracePage;
import dev.sightline.query.domain.search.TraceSearch;
import dev.sightline.query.domain.search.TraceSort;
import dev.sightline.query.domain.search.TraceSummary;
import dev.sightline.query.domain.trace.Trace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/** {@link TraceStore} on ClickHouse; every query is scoped to the caller's project. */
@ApplicationScoped
public class ClickHouseTraceStore implements TraceStore {

  private static final String OBSERVATION_COLUMNS =
      "observation_id, parent_observation_id, type, name, start_time_us, end_time_us, model,"
          + " provider, model_parameters.key, model_parameters.value, prompt_name, prompt_version,"
          + " input, output, level, status_message, usage_input, usage_output, usage_cache_read,"
          + " usage_cache_creation, usage_total, cost_input, cost_output, cost_total, cost_source,"
          + " cost_note, latency_ms, time_to_first_token_ms, attributes.key, attributes.value,"
          + " retrieval_documents.id, retrieval_documents.content, retrieval_documents.score";

  private static final String TRACE_COLUMNS =
      "name, user_id, session_id, tags, environment, release, input, output, metadata.key,"
          + " metadata.value, timestamp_us";

  private static final String SCORE_COLUMNS =
      "score_id, observation_id, name, value, string_value, data_type, source, comment,"
          + " timestamp_us";

  @Inject ClickHouseClient clickHouse;
  @Inject SearchQueries queries;
  @Inject PartitionInspector partitions;

  @Override
  public TracePage search(String projectId, TraceSearch search) {
    return search(
        projectId,
        search,
        TraceCandidates.forSearch(
            queries, projectId, search.sessionId(), search.userId(), search.from(), search.to()));
  }

  /**
   * {@link #search(String, TraceSearch)} with the session's or user's candidates already looked up
   * (the session and user views have them from their totals); null when there are none to use.
   */
  TracePage search(String projectId, TraceSearch search, TraceCandidates candidates) {
    // One row more than the page tells whether there is a next page.
    int need = search.limit() + 1;
    List<JsonNode> rows;
    if (candidates != null) {
      // A session's or user's traces are known by id: read just those, over their days. Reads of
      // known ids do not depend on which partitions are clean (CleanPartitions.fromIds).
      if (candidates.isEmpty()) {
        return new TracePage(List.of(), null);
      }
      TraceSearch read = search.withRange(candidates.from(), candidates.to());
      rows =
          queries.rows(
              TraceSearchSql.select(projectId, read, need, CleanPartitions.NONE, candidates.ids()));
    } else {
      CleanPartitions clean = partitions.clean();
      rows =
          !selective(search) && TraceSearchSql.pagedByTime(search)
              ? byTime(projectId, search, clean)
              : null;
      if (rows == null) {
        rows = fromSource(projectId, search, clean);
      }
    }
    List<TraceSummary> data = new ArrayList<>();
    for (int i = 0; i < Math.min(rows.size(), search.limit()); i++) {
      data.add(TraceSearchRows.summary(rows.get(i)));
    }
    String next =
        rows.size() > search.limit()
            ? TraceSearchRows.cursor(rows.get(search.limit() - 1), search).encode()
            : null;
    return new TracePage(data, next);
  }

  /**
   * The page's ids from the time-ordered copy (TimeOrderedPage), then the page read by id. A picked
   * trace the read drops (a full-text hit only an older observation version had) is excluded and
   * the ids picked again; null when that keeps happening, for {@link #fromSource}.
   */
  private List<JsonNode> byTime(String projectId, TraceSearch search, CleanPartitions clean) {
    List<JsonNode> excluded = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      List<JsonNode> page =
          TimeOrderedPage.read(
              queries,
              TimeOrderedPage.Copy.TRACES,
              projectId,
              TimeSlices.forPage(search.from(), search.to(), search.descending(), search.cursor()),
              search.limit() + 1,
              excluded,
              (from, to, n, notStale) ->
                  TraceSearchSql.pageByTime(
                      projectId, search.withRange(from, to), n, clean, notStale));
      if (page == null || page.isEmpty()) {
        return page;
      }
      List<JsonNode> rows =
          queries.rows(
              TraceSearchSql.selectByTime(
                  projectId, pageSpan(search, page), search.limit() + 1, clean, ids(page)));
      if (rows.size() == page.size()) {
        return rows;
      }
      Set<String> shown = new HashSet<>();
      rows.forEach(row -> shown.add(row.get("id").asText()));
      page.stream().filter(r -> !shown.contains(r.get("trace_id").asText())).forEach(excluded::add);
    }
    return null;
  }

  // The search on the source tables alone: what a copy cannot answer (other sorts, observation
  // filters) and the fallback of byTime.
  private List<JsonNode> fromSource(String projectId, TraceSearch search, CleanPartitions clean) {
    if (TraceSearchSql.pagedByTraces(search)) {
      List<JsonNode> page =
          selective(search)
              ? queries.rows(TraceSearchSql.page(projectId, search, search.limit() + 1, clean))
              : sliced(search, (part, n) -> TraceSearchSql.page(projectId, part, n, clean));
      return page.isEmpty() ? page : readPage(projectId, search, clean, page);
    }
    return search.sort() == TraceSort.TIMESTAMP && !selective(search)
        ? sliced(search, (part, n) -> TraceSearchSql.select(projectId, part, n, clean, null))
        : queries.rows(TraceSearchSql.select(projectId, search, search.limit() + 1, clean, null));
  }

  // The traces of a picked page (rows with trace_id and timestamp_us), read by id; only the page's
  // own time span (and its partitions) needs reading again.
  private List<JsonNode> readPage(
      String projectId, TraceSearch search, CleanPartitions clean, List<JsonNode> page) {
    return queries.rows(
        TraceSearchSql.select(
            projectId, pageSpan(search, page), search.limit() + 1, clean, ids(page)));
  }

  private static List<String> ids(List<JsonNode> page) {
    return page.stream().map(row -> row.get("trace_id").asText()).toList();
  }

  // The search narrowed to the time span of a picked page's rows.
  private static TraceSearch pageSpan(TraceSearch search, List<JsonNode> page) {
    long first = page.stream().mapToLong(r -> r.get("timestamp_us").asLong()).min().orElseThrow();
    long last = page.stream().mapToLong(r -> r.get("timestamp_us").asLong()).max().orElseThrow();
    return search.withRange(SearchSql.instant(first), SearchSql.instant(last + 1));
  }

  // Time order: newest hour first, then wider slices, until the page (plus one row) is full; each
  // slice reads only its days' partitions and its own traces' observations.
  private List<JsonNode> sliced(TraceSearch search, BiFunction<TraceSearch, Integer, String> sql) {
    int need = search.limit() + 1;
    List<JsonNode> rows = new ArrayList<>();
    for (Instant[] slice :
        TimeSlices.forPage(search.from(), search.to(), search.descending(), search.cursor())) {
      TraceSearch part = search.withRange(slice[0], slice[1]);
      rows.addAll(queries.rows(sql.apply(part, need - rows.size())));
      if (rows.size() >= need) {
        break;
      }
    }
    return rows;
  }

  // A session or a user has few traces: slices would mostly come back short and all be read,
  // so one pass over the range is cheaper.
  private static boolean selective(TraceSearch search) {
    return search.sessionId() != null || search.userId() != null;
  }

  @Override
  public Optional<Trace> find(String projectId, String traceId) {
    // Not FINAL: on 18.16 FINAL merges every part of every partition and cost ~300 ms for one
    // trace. The newest version per row identity (LIMIT 1 BY) is the same collapse, read through
    // the primary key only.
    String where =
        " WHERE project_id = " + Sql.quote(projectId) + " AND trace_id = " + Sql.quote(traceId);
    List<JsonNode> traces =
        clickHouse.rows(
            "SELECT " + TRACE_COLUMNS + " FROM traces" + where + " ORDER BY version DESC LIMIT 1");
    List<JsonNode> observations =
        clickHouse.rows(
            "SELECT * FROM (SELECT "
                + OBSERVATION_COLUMNS
                + " FROM observations"
                + where
                + " ORDER BY version DESC LIMIT 1 BY observation_id)"
                + " ORDER BY start_time_us, observation_id");
    if (traces.isEmpty() && observations.isEmpty()) {
      return Optional.empty();
    }
    List<JsonNode> scores =
        clickHouse.rows(
            "SELECT * FROM (SELECT "
                + SCORE_COLUMNS
                + " FROM scores"
                + where
                + " ORDER BY version DESC LIMIT 1 BY score_id)"
                + " ORDER BY timestamp_us, score_id");
    JsonNode traceRow = traces.isEmpty() ? null : traces.get(0);
    return Optional.of(TraceRowMapper.trace(projectId, traceId, traceRow, observations, scores));
  }
}
