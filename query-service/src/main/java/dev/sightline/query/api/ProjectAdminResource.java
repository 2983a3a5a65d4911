package dev.sightline.query.api;

import dev.sightline.query.domain.Project;
import dev.sightline.query.domain.ProjectAdmin;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin API: create, list, read projects and change their retention. */
@Path("/api/admin/projects")
@AdminAuth
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: projects", description = "Projects, the tenants of keys and traces")
@SecurityScheme(
    securitySchemeName = ProjectAdminResource.ADMIN_SCHEME,
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description = "The admin token, config sightline.admin.token (env SIGHTLINE_ADMIN_TOKEN)")
@SecurityRequirement(name = ProjectAdminResource.ADMIN_SCHEME)
@APIResponse(
    responseCode = "401",
    description = "Missing or wrong admin token",
    content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(
    responseCode = "503",
    description = "Admin API disabled (no admin token configured) or Kafka did not acknowledge",
    content = @Content(mediaType = Problem.MEDIA_TYPE))
public class ProjectAdminResource {

  /** Name of the admin security scheme in the OpenAPI document. */
  public static final String ADMIN_SCHEME = "AdminToken";

  @Inject ProjectAdmin admin;

  @POST
  @Operation(summary = "Create a project", description = "The id (proj_…) is generated.")
  @APIResponse(
      responseCode = "201",
      description = "The new project",
      content = @Content(schema = @Schema(implementation = Project.class)))
  @APIResponse(
      responseCode = "400",
      description = "Missing name or retention out of range",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response create(NewProject body) {
    NewProject request = body == null ? new NewProject(null, null) : body;
    Project project = admin.createProject(request.validName(), request.validRetentionDays());
    return Response.created(URI.create("/api/admin/projects/" + project.id()))
        .entity(project)
        .build();
  }

  @GET
  @Operation(summary = "List projects", description = "Every project, oldest first.")
  public List<Project> list() {
    return admin.listProjects();
  }

  @GET
  @Path("/{projectId}")
  @Operation(summary = "Get one project")
  @APIResponse(
      responseCode = "404",
      description = "No such project",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Project get(@PathParam("projectId") String projectId) {
    return admin.project(projectId);
  }

  @PATCH
  @Path("/{projectId}")
  @Operation(
      summary = "Change a project's retention",
      description = "Sets how many days the project's traces are kept.")
  @APIResponse(
      responseCode = "400",
      description = "Retention missing or out of range",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "404",
      description = "No such project",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Project patch(@PathParam("projectId") String projectId, ProjectPatch body) {
    int days = NewProject.checkRetention(body == null ? null : body.retentionDays());
    return admin.setRetentionDays(projectId, days);
  }
}
