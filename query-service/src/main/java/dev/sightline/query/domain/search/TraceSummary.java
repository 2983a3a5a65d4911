package dev.sightline.query.domain.search;

import java.time.Instant;
import java.util.List;

/**
 * One trace in a search result.
 *
 * @param level the most severe observation level (ERROR, WARNING, DEFAULT, DEBUG), null if none
 */
public record TraceSummary(
    String id,
    String name,
    Instant timestamp,
    String userId,
    String sessionId,
    List<String> tags,
    String environment,
    String release,
    Double totalCostUsd,
    Double latencyMs,
    long observationCount,
    String level) {}
