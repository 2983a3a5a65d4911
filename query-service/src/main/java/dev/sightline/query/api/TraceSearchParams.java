package dev.sightline.query.api;

import static dev.sightline.query.api.SearchParams.amount;
import static dev.sightline.query.api.SearchParams.bool;
import static dev.sightline.query.api.SearchParams.score;
import static dev.sightline.query.api.SearchParams.text;
import static dev.sightline.query.api.SearchParams.version;

import dev.sightline.query.domain.InvalidRequestException;
import dev.sightline.query.domain.search.TraceSearch;
import dev.sightline.query.domain.search.TraceSort;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Turns the raw query parameters of a trace search into a {@link TraceSearch}, or a 400. */
final class TraceSearchParams {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;

  private TraceSearchParams() {}

  static TraceSearch parse(RawTraceSearch raw, Duration maxRange) {
    return parse(raw, maxRange, true);
  }

  /** The filters, sort and order of an export, which has neither pages nor a page size. */
  static TraceSearch parseExport(RawTraceSearch raw, Duration maxRange) {
    if (raw.cursor != null && !raw.cursor.isBlank()) {
      throw new InvalidRequestException("cursor: an export is not paged; drop the cursor");
    }
    if (raw.limit != null && !raw.limit.isBlank()) {
      throw new InvalidRequestException(
          "limit: an export returns every match up to sightline.query.max-export-rows; drop it");
    }
    return parse(raw, maxRange, false);
  }

  private static TraceSearch parse(RawTraceSearch raw, Duration maxRange, boolean paged) {
    Instant from = SearchParams.instant("from", raw.from);
    Instant to = SearchParams.instant("to", raw.to);
    SearchParams.range(from, to, maxRange);
    TraceSort sort = TraceSort.parse(raw.sort);
    boolean descending = SearchParams.descending(raw.order);
    int limit = paged ? SearchParams.limit(raw.limit, DEFAULT_LIMIT, MAX_LIMIT) : MAX_LIMIT;
    List<String> tags =
        raw.tag == null
            ? List.of()
            : raw.tag.stream().map(t -> text("tag", t)).filter(t -> t != null).toList();
    String promptName = text("promptName", raw.promptName);
    Integer promptVersion = version("promptVersion", raw.promptVersion);
    requires("promptVersion", promptVersion, "promptName", promptName);
    String scoreName = text("scoreName", raw.scoreName);
    Double minScore = score("minScore", raw.minScore);
    Double maxScore = score("maxScore", raw.maxScore);
    requires("minScore", minScore, "scoreName", scoreName);
    requires("maxScore", maxScore, "scoreName", scoreName);
    return new TraceSearch(
        from,
        to,
        text("name", raw.name),
        text("userId", raw.userId),
        text("sessionId", raw.sessionId),
        tags,
        text("environment", raw.environment),
        text("release", raw.release),
        text("model", raw.model),
        promptName,
        promptVersion,
        scoreName,
        minScore,
        maxScore,
        SearchParams.level(raw.level),
        bool("hasError", raw.hasError),
        amount("minCost", raw.minCost),
        amount("maxCost", raw.maxCost),
        amount("minLatencyMs", raw.minLatencyMs),
        amount("maxLatencyMs", raw.maxLatencyMs),
        text("q", raw.q),
        sort,
        descending,
        limit,
        paged ? SearchParams.cursor(raw.cursor, sort, descending) : null);
  }

  /** A parameter that only narrows another one (a version of a prompt) needs that one. */
  static void requires(String name, Object value, String needed, Object neededValue) {
    if (value != null && neededValue == null) {
      throw new InvalidRequestException(name + ": only together with " + needed);
    }
  }
}
