package dev.sightline.enrich.storage;

import java.time.Duration;

/**
 * How the sink batches and retries.
 *
 * @param batchRows flush once the batch holds this many rows
 * @param flushInterval flush a non-empty batch at the latest after this long
 * @param maxBackoff cap of the exponential backoff between insert retries
 */
record SinkSettings(int batchRows, Duration flushInterval, Duration maxBackoff) {}
