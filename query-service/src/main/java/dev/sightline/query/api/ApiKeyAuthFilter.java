package dev.sightline.query.api;

import dev.sightline.query.domain.AuthDecision;
import dev.sightline.query.domain.Credentials;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Authenticates {@link ProjectKeyAuth} resources with a project key (Basic {@code
 * publicKey:secretKey} or Bearer {@code secretKey}) and scopes the request to its project.
 */
@Provider
@ProjectKeyAuth
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyAuthFilter implements ContainerRequestFilter {

  @Inject ApiKeyAuthenticator authenticator;
  @Inject ProjectContext project;

  @Override
  public void filter(ContainerRequestContext request) {
    Optional<Credentials> credentials =
        Credentials.parse(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (credentials.isEmpty()) {
      request.abortWith(
          Problem.of(
                  Response.Status.UNAUTHORIZED,
                  "Missing or malformed Authorization header; send Basic publicKey:secretKey"
                      + " or Bearer secretKey.")
              .toResponse());
      return;
    }
    AuthDecision decision = authenticator.decide(credentials.get());
    if (decision instanceof AuthDecision.Accepted accepted) {
      project.authenticate(accepted.key().projectId(), accepted.key().publicKey());
    } else if (decision instanceof AuthDecision.Rejected rejected) {
      request.abortWith(
          Problem.of(Response.Status.fromStatusCode(rejected.status()), rejected.detail())
              .toResponse());
    }
  }
}
