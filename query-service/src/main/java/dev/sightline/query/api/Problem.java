package dev.sightline.query.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem detail; {@code about:blank} type, so the title is the HTTP reason phrase.
 *
 * @param detail what went wrong for this request, and how to fix it
 */
public record Problem(String type, String title, int status, String detail) {

  /** The media type of problem responses. */
  public static final String MEDIA_TYPE = "application/problem+json";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A problem for a status, titled with its reason phrase. */
  public static Problem of(Response.Status status, String detail) {
    return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail);
  }

  /** The HTTP response carrying this problem (with a Basic challenge on 401). */
  public Response toResponse() {
    return toResponse("Basic realm=\"sightline\"");
  }

  /** The HTTP response carrying this problem, with this {@code WWW-Authenticate} on 401. */
  public Response toResponse(String challenge) {
    Response.ResponseBuilder response = Response.status(status).type(MEDIA_TYPE).entity(json());
    if (status == 401) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, challenge);
    }
    return response.build();
  }

  // Serialized here so the body does not depend on a writer being registered for problem+json.
  private String json() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
