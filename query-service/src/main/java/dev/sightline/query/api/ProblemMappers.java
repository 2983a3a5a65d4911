package dev.sightline.query.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.sightline.clickhouse.ClickHouseException;
import dev.sightline.query.domain.ChangeNotPublishedException;
import dev.sightline.query.domain.InvalidRequestException;
import dev.sightline.query.domain.UnknownResourceException;
import dev.sightline.query.domain.search.SearchTooExpensiveException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns failures into problem+json instead of an HTML or plain-text error page. */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response clickHouseFailed(ClickHouseException e) {
    LOG.warn("ClickHouse query failed", e);
    return Problem.of(
            Response.Status.SERVICE_UNAVAILABLE,
            "The trace store (ClickHouse) did not answer; try again shortly.")
        .toResponse();
  }

  @ServerExceptionMapper
  public Response searchTooExpensive(SearchTooExpensiveException e) {
    LOG.info("trace search stopped by its ClickHouse limits", e);
    return Problem.of(Response.Status.SERVICE_UNAVAILABLE, e.getMessage()).toResponse();
  }

  @ServerExceptionMapper
  public Response invalidRequest(InvalidRequestException e) {
    return Problem.of(Response.Status.BAD_REQUEST, e.getMessage()).toResponse();
  }

  @ServerExceptionMapper
  public Response unknownResource(UnknownResourceException e) {
    return Problem.of(Response.Status.NOT_FOUND, e.getMessage()).toResponse();
  }

  @ServerExceptionMapper
  public Response changeNotPublished(ChangeNotPublishedException e) {
    LOG.warn("admin change rolled back: Kafka did not acknowledge it", e);
    return Problem.of(Response.Status.SERVICE_UNAVAILABLE, e.getMessage()).toResponse();
  }

  @ServerExceptionMapper
  public Response unreadableJson(JsonParseException e) {
    return Problem.of(Response.Status.BAD_REQUEST, "The body is not valid JSON.").toResponse();
  }

  // The JSON reader, routing and content negotiation fail with bodiless responses; give them one.
  @ServerExceptionMapper
  public Response httpError(WebApplicationException e) {
    Response response = e.getResponse();
    if (response.hasEntity()) {
      return response;
    }
    Response.Status status = Response.Status.fromStatusCode(response.getStatus());
    if (status == null) {
      return response;
    }
    String detail =
        status == Response.Status.BAD_REQUEST
            ? "The body is not valid JSON of the expected shape."
            : status.getReasonPhrase();
    return Problem.of(status, detail).toResponse();
  }

  @ServerExceptionMapper
  public Response unexpectedJson(MismatchedInputException e) {
    return Problem.of(
            Response.Status.BAD_REQUEST,
            "The body does not have the expected shape: " + e.getOriginalMessage())
        .toResponse();
  }
}
