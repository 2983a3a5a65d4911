package dev.sightline.ingest.domain.guard;

/** A request carries more events than the configured limit; answered 413, nothing is written. */
public class BatchTooLarge extends RuntimeException {

  /** Names the count and the limit with its config key. */
  public BatchTooLarge(int events, int limit) {
    super(
        "request carries %d events; at most %d per request (sightline.ingest.limits.max-events-per-request): split it"
            .formatted(events, limit));
  }
}
