package dev.sightline.query.api;

import dev.sightline.query.config.QueryConfig;
import dev.sightline.query.domain.UnknownResourceException;
import dev.sightline.query.domain.activity.ActivityStore;
import dev.sightline.query.domain.activity.SessionDetail;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public view of one session of the caller's project. */
@Path("/api/v1/sessions")
@ProjectKeyAuth
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions", description = "The traces of one session, with totals")
@SecurityRequirement(name = "SecurityScheme")
public class SessionResource {

  @Inject ActivityStore activity;
  @Inject ProjectContext project;
  @Inject QueryConfig config;

  @GET
  @Path("/{sessionId}")
  @Operation(
      summary = "Get one session",
      description =
          "The session's traces whose timestamp is in [from, to), oldest first (at most 500;"
              + " truncated says whether there are more), with totals over all of them. from/to"
              + " are optional: to defaults to now, from to 30 days before to; the range is at"
              + " most sightline.query.max-range. No trace of the session in this project and"
              + " range answers 404.")
  @APIResponse(
      responseCode = "200",
      description = "The session",
      content = @Content(schema = @Schema(implementation = SessionDetail.class)))
  @APIResponse(
      responseCode = "400",
      description = "A parameter is invalid; the detail names it",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "401",
      description = "Missing, unknown, revoked or wrong API key",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "404",
      description = "No trace of this session in this project and range",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public SessionDetail get(
      @Parameter(description = "The session id as sent by the app") @PathParam("sessionId")
          String sessionId,
      @Parameter(description = "Start of the range, ISO-8601 (default: 30 days before to)")
          @QueryParam("from")
          String from,
      @Parameter(description = "End (exclusive) of the range, ISO-8601 (default: now)")
          @QueryParam("to")
          String to) {
    String projectId = project.projectId();
    String id = ActivityRange.id("sessionId", sessionId);
    ActivityRange range = ActivityRange.parse(from, to, config.query().maxRange(), Instant.now());
    return activity
        .session(projectId, id, range.from(), range.to())
        .orElseThrow(
            () ->
                new UnknownResourceException(
                    "sessionId: no trace of this session in this project between "
                        + range.from()
                        + " and "
                        + range.to()));
  }
}
