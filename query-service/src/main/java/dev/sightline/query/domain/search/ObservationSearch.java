package dev.sightline.query.domain.search;

import java.time.Instant;

/**
 * A validated observation search; null fields do not filter. The project comes from the API key and
 * is passed beside it.
 *
 * @param to exclusive end of the observation start time range
 * @param level the observation's own level
 * @param hasError whether the observation's level is ERROR
 * @param userId the user of the observation's trace
 * @param sessionId the session of the observation's trace
 * @param q case-insensitive substring of the observation's input or output
 * @param sort TIMESTAMP means the start time
 */
public record ObservationSearch(
    Instant from,
    Instant to,
    String traceId,
    String name,
    String type,
    String model,
    String promptName,
    Integer promptVersion,
    String level,
    Boolean hasError,
    String environment,
    String userId,
    String sessionId,
    Double minCost,
    Double maxCost,
    Double minLatencyMs,
    Double maxLatencyMs,
    String q,
    TraceSort sort,
    boolean descending,
    int limit,
    TraceCursor cursor) {

  /** The same search over a narrower time range (a slice of this one). */
  public ObservationSearch withRange(Instant sliceFrom, Instant sliceTo) {
    return new ObservationSearch(
        sliceFrom,
        sliceTo,
        traceId,
        name,
        type,
        model,
        promptName,
        promptVersion,
        level,
        hasError,
        environment,
        userId,
        sessionId,
        minCost,
        maxCost,
        minLatencyMs,
        maxLatencyMs,
        q,
        sort,
        descending,
        limit,
        cursor);
  }
}
