package dev.sightline.query.api;

import dev.sightline.query.config.QueryConfig;
import dev.sightline.query.domain.recompute.Recompute;
import dev.sightline.query.domain.recompute.RecomputeAdmin;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin API: re-price a project's stored observations and aggregates after a price change. */
@Path("/api/admin/projects/{projectId}/recomputes")
@AdminAuth
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: recomputes", description = "Re-pricing stored costs with the current prices")
@SecurityRequirement(name = ProjectAdminResource.ADMIN_SCHEME)
@APIResponse(
    responseCode = "401",
    description = "Missing or wrong admin token",
    content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(
    responseCode = "404",
    description = "No such project (or recompute)",
    content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(
    responseCode = "503",
    description = "Admin API disabled, ClickHouse did not answer, or Kafka did not acknowledge",
    content = @Content(mediaType = Problem.MEDIA_TYPE))
public class RecomputeAdminResource {

  @Inject RecomputeAdmin admin;
  @Inject QueryConfig config;

  @POST
  @Operation(
      summary = "Request a cost recompute",
      description =
          "enrich-service re-prices the project's observations whose start is in [from, to) with"
              + " the current price table (a provider-reported cost stays), writes the changed"
              + " rows again and rebuilds the 1-minute aggregates of the range. Runs"
              + " asynchronously: poll the returned recompute until done or failed.")
  @APIResponse(
      responseCode = "202",
      description = "Accepted; the recompute, pending",
      content = @Content(schema = @Schema(implementation = Recompute.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "from or to missing, unreadable, out of order or too far apart; the detail"
              + " names the field",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response request(@PathParam("projectId") String projectId, NewRecompute body) {
    NewRecompute request = body == null ? new NewRecompute(null, null) : body;
    Recompute pending = admin.request(projectId, request.validRange(config.recompute().maxRange()));
    return Response.accepted(pending)
        .location(URI.create("/api/admin/projects/" + projectId + "/recomputes/" + pending.id()))
        .build();
  }

  @GET
  @Operation(
      summary = "List a project's recomputes",
      description = "Newest first, at most sightline.recompute.list-limit.")
  public List<Recompute> list(@PathParam("projectId") String projectId) {
    return admin.list(projectId);
  }

  @GET
  @Path("/{recomputeId}")
  @Operation(
      summary = "Get one recompute",
      description =
          "Its status (pending, running, done, failed), range, request and finish times, how many"
              + " observation rows and aggregate windows changed, and the price versions of the"
              + " changed rows before and after.")
  public Recompute get(
      @PathParam("projectId") String projectId, @PathParam("recomputeId") String recomputeId) {
    return admin.find(projectId, recomputeId);
  }
}
