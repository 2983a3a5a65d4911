package dev.sightline.query.api;

import dev.sightline.query.config.QueryConfig;
import dev.sightline.query.domain.ObservationStore;
import dev.sightline.query.domain.search.ObservationPage;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public search over observations of the caller's project. */
@Path("/api/v1/observations")
@ProjectKeyAuth
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Observations", description = "Search across the observations of all traces")
@SecurityRequirement(name = "SecurityScheme")
public class ObservationResource {

  @Inject ObservationStore observations;
  @Inject ProjectContext project;
  @Inject QueryConfig config;

  @GET
  @Operation(
      summary = "Search observations",
      description =
          "Observations of the key's project whose start time is in [from, to), newest first by"
              + " default, narrowed by the filters (all must match; userId and sessionId are those"
              + " of the observation's trace). Keyset-paginated like the trace search: pass"
              + " nextCursor as cursor with the same filters, sort and order. Bad parameters"
              + " answer 400 naming the parameter; a search slower than sightline.query.timeout"
              + " answers 503.")
  @APIResponse(
      responseCode = "200",
      description = "One page of observations",
      content = @Content(schema = @Schema(implementation = ObservationPage.class)))
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
  public ObservationPage search(@BeanParam RawObservationSearch raw) {
    String projectId = project.projectId();
    return observations.search(
        projectId, ObservationSearchParams.parse(raw, config.query().maxRange()));
  }
}
