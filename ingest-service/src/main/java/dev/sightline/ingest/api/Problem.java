package dev.sightline.ingest.api;

import jakarta.ws.rs.core.Response;

/** An HTTP error answered as a problem+json body; the detail says what to change. */
public class Problem extends RuntimeException {

  private final Response.StatusType status;

  /** A problem with the given status and a detail safe to show to the caller. */
  public Problem(Response.StatusType status, String detail) {
    super(detail);
    this.status = status;
  }

  /** The HTTP status to answer. */
  public Response.StatusType status() {
    return status;
  }
}
