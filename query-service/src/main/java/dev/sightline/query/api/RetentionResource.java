package dev.sightline.query.api;

import dev.sightline.query.domain.retention.DataRetention;
import dev.sightline.query.domain.retention.RetentionRun;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin API: run the retention job now instead of waiting for its schedule. */
@Path("/api/admin/retention/run")
@AdminAuth
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: retention", description = "Deleting data older than a project keeps")
@SecurityRequirement(name = ProjectAdminResource.ADMIN_SCHEME)
@APIResponse(
    responseCode = "401",
    description = "Missing or wrong admin token",
    content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(
    responseCode = "503",
    description = "Admin API disabled, or ClickHouse did not answer",
    content = @Content(mediaType = Problem.MEDIA_TYPE))
public class RetentionResource {

  @Inject DataRetention retention;

  @POST
  @Operation(
      summary = "Run the retention job now",
      description =
          "For every project, asks ClickHouse to delete observations, traces, scores and"
              + " aggregates of days before today (UTC) minus the project's retentionDays. Lists"
              + " the projects and tables that had such rows; ClickHouse applies the deletes"
              + " asynchronously, usually within seconds.")
  public RetentionRun run() {
    return retention.run();
  }
}
