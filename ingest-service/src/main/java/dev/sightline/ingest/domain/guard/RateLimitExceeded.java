package dev.sightline.ingest.domain.guard;

/** A project sent more than its rate; the transport answers 429 (gRPC RESOURCE_EXHAUSTED). */
public class RateLimitExceeded extends RuntimeException {

  private final long retryAfterSeconds;

  public RateLimitExceeded(String projectId, long retryAfterSeconds) {
    super(
        "project "
            + projectId
            + " is over its ingestion rate; retry after "
            + retryAfterSeconds
            + " s");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Seconds the client should wait before retrying. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
