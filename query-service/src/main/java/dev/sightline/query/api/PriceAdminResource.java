package dev.sightline.query.api;

import dev.sightline.query.domain.price.ModelPriceVersion;
import dev.sightline.query.domain.price.PriceAdmin;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin API: versions of model prices, global or per project, pushed to enrich for costs. */
@Path("/api/admin/prices")
@AdminAuth
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: prices", description = "Model prices (USD per million tokens) with versions")
@SecurityRequirement(name = ProjectAdminResource.ADMIN_SCHEME)
@APIResponse(
    responseCode = "401",
    description = "Missing or wrong admin token",
    content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(
    responseCode = "503",
    description = "Admin API disabled, or Kafka did not acknowledge (nothing changed)",
    content = @Content(mediaType = Problem.MEDIA_TYPE))
public class PriceAdminResource {

  @Inject PriceAdmin admin;

  @GET
  @Operation(
      summary = "List price versions",
      description =
          "The global table (bundled defaults and admin versions), plus the project's own"
              + " versions with ?projectId; deleted versions are listed with deleted=true.")
  @APIResponse(
      responseCode = "404",
      description = "No such project",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public List<ModelPriceVersion> list(
      @Parameter(description = "Also list this project's versions") @QueryParam("projectId")
          String projectId) {
    return admin.list(projectId == null || projectId.isBlank() ? null : projectId);
  }

  @GET
  @Path("/{priceId}")
  @Operation(summary = "Get one price version")
  @APIResponse(
      responseCode = "404",
      description = "No such price version",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public ModelPriceVersion get(@PathParam("priceId") String priceId) {
    return admin.find(priceId);
  }

  @POST
  @Operation(
      summary = "Add a price version",
      description =
          "Stores a new version under a generated priceId and pushes it to enrich before the"
              + " response. Enrich prices an observation with the latest version effective at"
              + " its start: a project's own beats global, an exact name beats a pattern.")
  @APIResponse(
      responseCode = "201",
      description = "The stored version",
      content = @Content(schema = @Schema(implementation = ModelPriceVersion.class)))
  @APIResponse(
      responseCode = "400",
      description = "A field is invalid or the project unknown; the detail names the field",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response create(NewPrice body) {
    NewPrice request = body == null ? new NewPrice(null, null, null, null, null) : body;
    ModelPriceVersion created =
        admin.create(request.validDraft(Instant.now().truncatedTo(ChronoUnit.MICROS)));
    return Response.created(URI.create("/api/admin/prices/" + created.priceId()))
        .entity(created)
        .build();
  }

  @DELETE
  @Path("/{priceId}")
  @Operation(
      summary = "Retract a price version",
      description =
          "Marks the version deleted (it stays listed) and pushes deleted=true, so enrich stops"
              + " using it. Deleting again pushes again.")
  @APIResponse(
      responseCode = "404",
      description = "No such price version",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public ModelPriceVersion delete(@PathParam("priceId") String priceId) {
    return admin.delete(priceId);
  }
}
