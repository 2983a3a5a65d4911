package dev.sightline.ingest.api;

import dev.sightline.ingest.config.IngestConfig;
import dev.sightline.ingest.domain.AuthenticationFailure;
import dev.sightline.ingest.domain.MalformedRequestException;
import dev.sightline.ingest.messaging.PublishFailure;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every rejection into an RFC 9457 problem body with the right status and headers. */
public class ProblemResponses {

  /** Media type of every error body. */
  public static final String PROBLEM_JSON = "application/problem+json";

  private static final Logger LOG = Logger.getLogger(ProblemResponses.class);

  @Inject IngestConfig config;

  @ServerExceptionMapper
  Response problem(Problem p) {
    return build(p.status(), p.getMessage()).build();
  }

  @ServerExceptionMapper
  Response malformed(MalformedRequestException e) {
    return build(Status.BAD_REQUEST, e.getMessage()).build();
  }

  @ServerExceptionMapper
  Response unauthenticated(AuthenticationFailure e) {
    if (e.forbidden()) {
      return build(Status.FORBIDDEN, e.getMessage()).build();
    }
    return build(Status.UNAUTHORIZED, e.getMessage())
        .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"sightline\"")
        .build();
  }

  @ServerExceptionMapper
  Response unpublished(PublishFailure e) {
    if (e.recordTooLarge()) {
      return build(Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage()).build();
    }
    LOG.warn(e.getMessage());
    return unavailable(e.getMessage(), config.ingest().retryAfterSeconds());
  }

  /** 503 with Retry-After, for conditions that clear by themselves. */
  static Response unavailable(String detail, int retryAfterSeconds) {
    return build(Status.SERVICE_UNAVAILABLE, detail)
        .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
        .build();
  }

  static Response.ResponseBuilder build(Response.StatusType status, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", status.getReasonPhrase());
    body.put("status", status.getStatusCode());
    body.put("detail", detail);
    return Response.status(status).type(PROBLEM_JSON).entity(body);
  }
}
