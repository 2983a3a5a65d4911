package dev.sightline.query.domain.trace;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One step of a trace (span, generation, retrieval, tool call...) with its usage and cost. */
public record Observation(
    String id,
    String parentId,
    String type,
    String name,
    Instant startTime,
    Instant endTime,
    String model,
    String provider,
    Map<String, String> modelParameters,
    String promptName,
    Integer promptVersion,
    Usage usage,
    Cost cost,
    Double latencyMs,
    Double timeToFirstTokenMs,
    String level,
    String statusMessage,
    String input,
    String output,
    Map<String, String> attributes,
    List<RetrievalDocument> retrievalDocuments) {}
