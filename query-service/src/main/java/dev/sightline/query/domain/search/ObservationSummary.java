package dev.sightline.query.domain.search;

import dev.sightline.query.domain.trace.Cost;
import dev.sightline.query.domain.trace.Usage;
import java.time.Instant;

/**
 * One observation in a search result; input and output are left out (see the trace view).
 *
 * @param latencyMs end − start (null while the observation has no end)
 */
public record ObservationSummary(
    String id,
    String traceId,
    String parentId,
    String type,
    String name,
    Instant startTime,
    Instant endTime,
    String model,
    String provider,
    String promptName,
    Integer promptVersion,
    String environment,
    String level,
    String statusMessage,
    Usage usage,
    Cost cost,
    Double latencyMs) {}
