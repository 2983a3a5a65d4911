package dev.sightline.query.api;

import dev.sightline.query.domain.IssuedKey;
import dev.sightline.query.domain.KeySummary;
import dev.sightline.query.domain.ProjectAdmin;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin API: a project's keys; every change is on the keys topic before the response. */
@Path("/api/admin/projects/{projectId}/keys")
@AdminAuth
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: keys", description = "Project API keys for ingestion and the read API")
@SecurityRequirement(name = ProjectAdminResource.ADMIN_SCHEME)
@APIResponse(
    responseCode = "401",
    description = "Missing or wrong admin token",
    content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(
    responseCode = "404",
    description = "No such project (or key in it)",
    content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(
    responseCode = "503",
    description =
        "Admin API disabled, or Kafka did not acknowledge the change (which was rolled back)",
    content = @Content(mediaType = Problem.MEDIA_TYPE))
public class KeyAdminResource {

  @Inject ProjectAdmin admin;
  @Inject ApiKeyAuthenticator authenticator;

  @POST
  @Operation(
      summary = "Create a key",
      description =
          "Generates a random public/secret key pair. The secret is in this response only: it is"
              + " stored as SHA-256 and cannot be shown again. The key is pushed to ingest before"
              + " the response.")
  @APIResponse(
      responseCode = "201",
      description = "The new key, with its secret (shown once)",
      content = @Content(schema = @Schema(implementation = IssuedKey.class)))
  @APIResponse(
      responseCode = "400",
      description = "Unknown scope or note too long",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response create(@PathParam("projectId") String projectId, NewKey body) {
    NewKey request = body == null ? new NewKey(null, null) : body;
    IssuedKey key = admin.createKey(projectId, request.validScope(), request.validNote());
    authenticator.forgetAll();
    return Response.status(Response.Status.CREATED).entity(key).build();
  }

  // `curl -X POST` sends no Content-Type; such a request takes the defaults instead of a 415.
  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(hidden = true)
  public Response createWithDefaults(@PathParam("projectId") String projectId) {
    return create(projectId, null);
  }

  @GET
  @Operation(summary = "List keys", description = "The project's keys, oldest first, no secrets.")
  public List<KeySummary> list(@PathParam("projectId") String projectId) {
    return admin.listKeys(projectId);
  }

  @POST
  @Path("/{publicKey}/revoke")
  @Operation(
      summary = "Revoke a key",
      description =
          "The revocation is pushed to ingest before the response, so ingestion refuses the key"
              + " within seconds; the read API refuses it at once. Revoking twice is harmless.")
  public KeySummary revoke(
      @PathParam("projectId") String projectId, @PathParam("publicKey") String publicKey) {
    KeySummary key = admin.revokeKey(projectId, publicKey);
    // The read API must not trust a cached lookup of the key it just revoked.
    authenticator.forgetAll();
    return key;
  }

  @DELETE
  @Path("/{publicKey}")
  @Operation(summary = "Revoke a key (same as POST …/revoke)")
  public KeySummary delete(
      @PathParam("projectId") String projectId, @PathParam("publicKey") String publicKey) {
    return revoke(projectId, publicKey);
  }
}
