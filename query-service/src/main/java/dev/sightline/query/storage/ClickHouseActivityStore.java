package dev.sightline.query.storage;

import static dev.sightline.query.storage.ClickHouseJson.micros;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.query.domain.activity.ActivityStore;
import dev.sightline.query.domain.activity.ActivityTotals;
import dev.sightline.query.domain.activity.SessionDetail;
import dev.sightline.query.domain.activity.UserDetail;
import dev.sightline.query.domain.search.TracePage;
import dev.sightline.query.domain.search.TraceSearch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link ActivityStore} on ClickHouse: one totals query, then the trace search for the list. */
@ApplicationScoped
public class ClickHouseActivityStore implements ActivityStore {

  @Inject SearchQueries queries;
  // The concrete store: the views hand it the candidates their totals already looked up.
  @Inject ClickHouseTraceStore traces;
  @Inject PartitionInspector partitions;

  @Override
  public Optional<SessionDetail> session(
      String projectId, String sessionId, Instant from, Instant to) {
    TraceCandidates candidates =
        TraceCandidates.resolve(queries, projectId, "session", sessionId, from, to);
    return totals(projectId, "session_id", sessionId, from, to, candidates)
        .map(
            totals -> {
              TracePage page =
                  traces.search(
                      projectId,
                      TraceSearch.of(from, to, null, sessionId, false, SessionDetail.MAX_TRACES),
                      candidates);
              return new SessionDetail(
                  sessionId, from, to, totals, page.data(), page.nextCursor() != null);
            });
  }

  @Override
  public Optional<UserDetail> user(
      String projectId, String userId, Instant from, Instant to, int limit) {
    TraceCandidates candidates =
        TraceCandidates.resolve(queries, projectId, "user", userId, from, to);
    return totals(projectId, "user_id", userId, from, to, candidates)
        .map(
            totals -> {
              TracePage page =
                  traces.search(
                      projectId, TraceSearch.of(from, to, userId, null, true, limit), candidates);
              return new UserDetail(userId, from, to, totals, page.data());
            });
  }

  private Optional<ActivityTotals> totals(
      String projectId,
      String column,
      String value,
      Instant from,
      Instant to,
      TraceCandidates candidates) {
    if (candidates != null && candidates.isEmpty()) {
      return Optional.empty();
    }
    // Only the candidates' days are read (the range stays exact inside them).
    Instant readFrom = candidates == null ? from : candidates.from();
    Instant readTo = candidates == null ? to : candidates.to();
    List<JsonNode> rows =
        queries.rows(
            ActivitySql.totals(
                projectId,
                column,
                value,
                readFrom,
                readTo,
                // Reads of known ids do not depend on which partitions are clean.
                candidates == null ? partitions.clean() : CleanPartitions.NONE,
                candidates));
    JsonNode row = rows.isEmpty() ? null : rows.get(0);
    if (row == null || row.path("traces").asLong() == 0) {
      return Optional.empty();
    }
    long first = row.path("first_us").asLong();
    return Optional.of(
        new ActivityTotals(
            row.path("traces").asLong(),
            row.path("sessions").asLong(),
            row.path("observations").asLong(),
            row.path("tokens").asLong(),
            row.path("priced").asLong() == 0 ? null : row.path("cost").asDouble(),
            row.path("errors").asLong(),
            micros(first),
            micros(row.path("last_us").asLong()),
            (row.path("end_us").asLong() - first) / 1000.0));
  }
}
