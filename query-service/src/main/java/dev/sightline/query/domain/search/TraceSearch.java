package dev.sightline.query.domain.search;

import java.time.Instant;
import java.util.List;

/**
 * A validated trace search; null fields do not filter. The project is not here: it comes from the
 * API key and is passed beside it.
 *
 * @param to exclusive end of the trace timestamp range
 * @param tags every one must be on the trace
 * @param model a model one of the trace's observations used
 * @param promptName a prompt one of the trace's observations used
 * @param promptVersion with promptName: that prompt's version
 * @param scoreName the trace has a score of this name (with a value in minScore..maxScore)
 * @param level the trace's most severe observation level
 * @param hasError whether some observation has level ERROR
 * @param q case-insensitive substring of trace or observation input/output
 */
public record TraceSearch(
    Instant from,
    Instant to,
    String name,
    String userId,
    String sessionId,
    List<String> tags,
    String environment,
    String release,
    String model,
    String promptName,
    Integer promptVersion,
    String scoreName,
    Double minScore,
    Double maxScore,
    String level,
    Boolean hasError,
    Double minCost,
    Double maxCost,
    Double minLatencyMs,
    Double maxLatencyMs,
    String q,
    TraceSort sort,
    boolean descending,
    int limit,
    TraceCursor cursor) {

  public TraceSearch {
    tags = List.copyOf(tags);
  }

  /** The same search over a narrower time range (a slice of this one). */
  public TraceSearch withRange(Instant sliceFrom, Instant sliceTo) {
    return new TraceSearch(
        sliceFrom,
        sliceTo,
        name,
        userId,
        sessionId,
        tags,
        environment,
        release,
        model,
        promptName,
        promptVersion,
        scoreName,
        minScore,
        maxScore,
        level,
        hasError,
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

  /**
   * The first {@code limit} traces of one session or user in [from, to), oldest or newest first.
   */
  public static TraceSearch of(
      Instant from, Instant to, String userId, String sessionId, boolean newestFirst, int limit) {
    return new TraceSearch(
        from,
        to,
        null,
        userId,
        sessionId,
        List.of(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        TraceSort.TIMESTAMP,
        newestFirst,
        limit,
        null);
  }
}
