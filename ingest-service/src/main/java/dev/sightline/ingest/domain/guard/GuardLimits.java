package dev.sightline.ingest.domain.guard;

import java.time.Duration;

/**
 * The per-request and per-event limits the guard enforces.
 *
 * @param maxEventsPerRequest more events in one request are refused as a whole (413)
 * @param maxIdLength longest accepted id (event, trace, observation, score id)
 * @param maxAttributes attributes (or trace metadata entries) kept per event; extras are dropped
 * @param maxAttributeValueBytes longer attribute values, status messages and comments are cut
 * @param maxInputOutputBytes longer input, output and retrieval documents are cut
 * @param maxAge a timestamp older than now minus this is refused
 * @param maxFutureSkew a timestamp later than now plus this is refused
 */
public record GuardLimits(
    int maxEventsPerRequest,
    int maxIdLength,
    int maxAttributes,
    int maxAttributeValueBytes,
    int maxInputOutputBytes,
    Duration maxAge,
    Duration maxFutureSkew) {

  /** The defaults of {@code IngestConfig}, for tests and tools. */
  public static GuardLimits defaults() {
    return new GuardLimits(
        10_000, 256, 256, 64 * 1024, 1024 * 1024, Duration.ofDays(30), Duration.ofDays(1));
  }
}
