package dev.sightline.query.domain.trace;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One trace with its observations (ordered by start time) and scores, as the API returns it.
 *
 * @param totalCostUsd sum of the observations' total cost; null when none has a cost
 * @param latencyMs from the first observation start to the last observation end; null without
 *     observations
 */
public record Trace(
    String id,
    String projectId,
    String name,
    String userId,
    String sessionId,
    List<String> tags,
    String environment,
    String release,
    Instant timestamp,
    String input,
    String output,
    Map<String, String> metadata,
    Double totalCostUsd,
    Double latencyMs,
    List<Observation> observations,
    List<Score> scores) {}
