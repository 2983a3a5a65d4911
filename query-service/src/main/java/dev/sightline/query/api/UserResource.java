package dev.sightline.query.api;

import dev.sightline.query.config.QueryConfig;
import dev.sightline.query.domain.UnknownResourceException;
import dev.sightline.query.domain.activity.ActivityStore;
import dev.sightline.query.domain.activity.UserDetail;
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

/** The public view of one user of the caller's project. */
@Path("/api/v1/users")
@ProjectKeyAuth
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users", description = "Totals and recent traces of one user")
@SecurityRequirement(name = "SecurityScheme")
public class UserResource {

  static final int DEFAULT_TRACES = 20;
  static final int MAX_TRACES = 100;

  @Inject ActivityStore activity;
  @Inject ProjectContext project;
  @Inject QueryConfig config;

  @GET
  @Path("/{userId}")
  @Operation(
      summary = "Get one user",
      description =
          "Totals over the user's traces whose timestamp is in [from, to) and the most recent"
              + " of them (limit, default 20, at most 100). from/to are optional: to defaults to"
              + " now, from to 30 days before to; the range is at most sightline.query.max-range."
              + " No trace of the user in this project and range answers 404.")
  @APIResponse(
      responseCode = "200",
      description = "The user",
      content = @Content(schema = @Schema(implementation = UserDetail.class)))
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
      description = "No trace of this user in this project and range",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public UserDetail get(
      @Parameter(description = "The user id as sent by the app") @PathParam("userId") String userId,
      @Parameter(description = "Start of the range, ISO-8601 (default: 30 days before to)")
          @QueryParam("from")
          String from,
      @Parameter(description = "End (exclusive) of the range, ISO-8601 (default: now)")
          @QueryParam("to")
          String to,
      @Parameter(description = "Most recent traces listed, 1-100, default 20") @QueryParam("limit")
          String limit) {
    String projectId = project.projectId();
    String id = ActivityRange.id("userId", userId);
    ActivityRange range = ActivityRange.parse(from, to, config.query().maxRange(), Instant.now());
    int traces = SearchParams.limit(limit, DEFAULT_TRACES, MAX_TRACES);
    return activity
        .user(projectId, id, range.from(), range.to(), traces)
        .orElseThrow(
            () ->
                new UnknownResourceException(
                    "userId: no trace of this user in this project between "
                        + range.from()
                        + " and "
                        + range.to()));
  }
}
