package dev.sightline.ingest.api;

import dev.sightline.ingest.domain.guard.RateLimitExceeded;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Problem bodies for the conditions the shared {@link Intake} raises on every HTTP transport. */
public class TransportProblems {

  private static final int TOO_MANY_REQUESTS = 429;

  @ServerExceptionMapper
  Response keysLoading(KeysLoading e) {
    return ProblemResponses.unavailable(e.getMessage(), e.retryAfterSeconds());
  }

  @ServerExceptionMapper
  Response rateLimited(RateLimitExceeded e) {
    return ProblemResponses.build(Response.Status.fromStatusCode(TOO_MANY_REQUESTS), e.getMessage())
        .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
        .build();
  }
}
