package dev.sightline.query.domain.trace;

import java.time.Instant;

/** An evaluation result on a trace or one of its observations. */
public record Score(
    String id,
    String observationId,
    String name,
    Double value,
    String stringValue,
    String dataType,
    String source,
    String comment,
    Instant timestamp) {}
