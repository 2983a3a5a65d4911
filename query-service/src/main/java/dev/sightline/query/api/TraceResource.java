package dev.sightline.query.api;

import dev.sightline.query.config.QueryConfig;
import dev.sightline.query.domain.TraceStore;
import dev.sightline.query.domain.search.TracePage;
import dev.sightline.query.domain.trace.Trace;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public read API for traces of the caller's project. */
@Path("/api/v1/traces")
@ProjectKeyAuth
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Traces", description = "Traces with their observations and scores")
@SecurityScheme(
    securitySchemeName = "SecurityScheme",
    type = SecuritySchemeType.HTTP,
    scheme = "basic",
    description = "A project key: Basic publicKey:secretKey (or Bearer secretKey)")
@SecurityRequirement(name = "SecurityScheme")
public class TraceResource {

  @Inject TraceStore traces;
  @Inject ProjectContext project;
  @Inject QueryConfig config;

  @GET
  @Operation(
      summary = "Search traces",
      description =
          "Traces of the key's project whose timestamp is in [from, to), newest first by default,"
              + " narrowed by the filters (all must match). Pages are keyset-paginated: pass"
              + " nextCursor as cursor with the same filters, sort and order; a page stays stable"
              + " while new traces arrive. Traces whose trace event has not arrived yet are not"
              + " listed. Bad parameters answer 400 naming the parameter; a search slower than"
              + " sightline.query.timeout answers 503.")
  @APIResponse(
      responseCode = "200",
      description = "One page of traces",
      content = @Content(schema = @Schema(implementation = TracePage.class)))
  @APIResponse(
      responseCode = "400",
      description = "A parameter is missing or invalid; the detail names it",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "401",
      description = "Missing, unknown, revoked or wrong API key",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "503",
      description = "ClickHouse failed or the search took too long",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public TracePage search(@BeanParam RawTraceSearch raw) {
    String projectId = project.projectId();
    return traces.search(projectId, TraceSearchParams.parse(raw, config.query().maxRange()));
  }

  @GET
  @Path("/{traceId}")
  @Operation(
      summary = "Get one trace",
      description =
          "Returns the trace with all its observations (ordered by start time, with model, token"
              + " usage, cost and latency) and scores. The project comes from the API key; a"
              + " trace of another project is reported as not found. A trace whose trace event"
              + " has not arrived yet is returned with its observations only.")
  @APIResponse(
      responseCode = "200",
      description = "The trace",
      content = @Content(schema = @Schema(implementation = Trace.class)))
  @APIResponse(
      responseCode = "401",
      description = "Missing, unknown, revoked or wrong API key",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "404",
      description = "No such trace in this project",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Trace get(
      @Parameter(description = "The trace id as sent by the instrumented app") @PathParam("traceId")
          String traceId) {
    String projectId = project.projectId();
    return traces
        .find(projectId, traceId)
        .orElseThrow(
            () ->
                new NotFoundException(
                    Problem.of(
                            Response.Status.NOT_FOUND,
                            "No trace " + traceId + " in this project (it may still be in flight).")
                        .toResponse()));
  }
}
