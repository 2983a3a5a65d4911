package dev.sightline.query.api;

import dev.sightline.clickhouse.ClickHouseException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns storage failures into problem+json instead of an HTML error page. */
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
}
