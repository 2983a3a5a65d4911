package dev.sightline.query.api;

import static dev.sightline.query.api.SearchParams.amount;
import static dev.sightline.query.api.SearchParams.text;

import dev.sightline.query.domain.search.ObservationSearch;
import dev.sightline.query.domain.search.TraceSort;
import java.time.Duration;
import java.time.Instant;

/** Turns the raw query parameters of an observation search into a search, or a 400. */
final class ObservationSearchParams {

  private ObservationSearchParams() {}

  static ObservationSearch parse(RawObservationSearch raw, Duration maxRange) {
    Instant from = SearchParams.instant("from", raw.from);
    Instant to = SearchParams.instant("to", raw.to);
    SearchParams.range(from, to, maxRange);
    TraceSort sort = TraceSort.parse(raw.sort);
    boolean descending = SearchParams.descending(raw.order);
    String promptName = text("promptName", raw.promptName);
    Integer promptVersion = SearchParams.version("promptVersion", raw.promptVersion);
    TraceSearchParams.requires("promptVersion", promptVersion, "promptName", promptName);
    return new ObservationSearch(
        from,
        to,
        text("traceId", raw.traceId),
        text("name", raw.name),
        text("type", raw.type),
        text("model", raw.model),
        promptName,
        promptVersion,
        SearchParams.level(raw.level),
        SearchParams.bool("hasError", raw.hasError),
        text("environment", raw.environment),
        text("userId", raw.userId),
        text("sessionId", raw.sessionId),
        amount("minCost", raw.minCost),
        amount("maxCost", raw.maxCost),
        amount("minLatencyMs", raw.minLatencyMs),
        amount("maxLatencyMs", raw.maxLatencyMs),
        text("q", raw.q),
        sort,
        descending,
        SearchParams.limit(raw.limit, TraceSearchParams.DEFAULT_LIMIT, TraceSearchParams.MAX_LIMIT),
        SearchParams.cursor(raw.cursor, sort, descending));
  }
}
