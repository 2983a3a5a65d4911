package dev.sightline.query.api;

import dev.sightline.query.config.QueryConfig;
import dev.sightline.query.domain.MaskingRule;
import dev.sightline.query.domain.MaskingRuleAdmin;
import dev.sightline.query.domain.MaskingRuleSet;
import dev.sightline.query.domain.MaskingRuleValidator;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin API: a project's extra masking rules, applied by ingest on top of the built-in ones. */
@Path("/api/admin/projects/{projectId}/masking-rules")
@AdminAuth
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: masking rules", description = "Per-project regexes masked at ingest")
@SecurityRequirement(name = ProjectAdminResource.ADMIN_SCHEME)
@APIResponse(
    responseCode = "401",
    description = "Missing or wrong admin token",
    content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(
    responseCode = "404",
    description = "No such project",
    content = @Content(mediaType = Problem.MEDIA_TYPE))
public class MaskingRuleResource {

  @Inject MaskingRuleAdmin admin;
  @Inject QueryConfig config;

  @PUT
  @Operation(
      summary = "Replace the masking rules",
      description =
          "Replaces all extra rules of the project (an empty array clears them). Every pattern"
              + " must compile as a java.util.regex.Pattern. The new set is pushed to ingest"
              + " before the response.")
  @APIResponse(
      responseCode = "400",
      description = "A rule is invalid; the detail names it as rule[index] and says why",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "503",
      description = "Admin API disabled, or Kafka did not acknowledge (nothing changed)",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public List<MaskingRule> replace(
      @PathParam("projectId") String projectId, List<MaskingRule> rules) {
    List<MaskingRule> valid =
        MaskingRuleValidator.validate(
            rules, config.masking().maxRules(), config.masking().maxPatternLength());
    return admin.replace(projectId, valid).rules();
  }

  @GET
  @Operation(summary = "Get the masking rules", description = "In order; [] if never set.")
  public List<MaskingRule> get(@PathParam("projectId") String projectId) {
    return admin.find(projectId).map(MaskingRuleSet::rules).orElse(List.of());
  }
}
