package dev.sightline.enrich.streams;

import dev.sightline.schemas.avro.TraceRecord;

/**
 * What the merge keeps per trace.
 *
 * @param merged the merged trace as last emitted
 * @param lastSeenMillis processing wall-clock time of its latest event
 * @param timerDueMillis when its state expires unless another event arrives
 */
record TraceState(TraceRecord merged, long lastSeenMillis, long timerDueMillis) {}
