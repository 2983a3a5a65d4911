package dev.sightline.query.api;

import dev.sightline.query.config.QueryConfig;
import dev.sightline.query.domain.AdminAccess;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** Lets {@link AdminAuth} resources through only with {@code Bearer <sightline.admin.token>}. */
@Provider
@AdminAuth
@Priority(Priorities.AUTHENTICATION)
public class AdminTokenFilter implements ContainerRequestFilter {

  /** The challenge of admin 401s; the admin API takes no Basic credentials. */
  static final String CHALLENGE = "Bearer realm=\"sightline-admin\"";

  // Lazy: REST filters are created at static init, before the config mapping exists.
  @Inject Instance<QueryConfig> config;

  @Override
  public void filter(ContainerRequestContext request) {
    AdminAccess access =
        AdminAccess.decide(
            config.get().admin().token(), request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (access instanceof AdminAccess.Refused refused) {
      request.abortWith(
          Problem.of(Response.Status.fromStatusCode(refused.status()), refused.detail())
              .toResponse(CHALLENGE));
    }
  }
}
