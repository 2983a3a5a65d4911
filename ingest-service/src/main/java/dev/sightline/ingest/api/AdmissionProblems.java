package dev.sightline.ingest.api;

import dev.sightline.ingest.config.IngestConfig;
import dev.sightline.ingest.domain.guard.BatchTooLarge;
import dev.sightline.ingest.domain.guard.MaskingRulesLoading;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Problem responses for what {@code EventAdmission} refuses as a whole: size and readiness (the 429
 * for {@code RateLimitExceeded} is in {@link TransportProblems}).
 */
public class AdmissionProblems {

  @Inject IngestConfig config;

  @ServerExceptionMapper
  Response tooManyEvents(BatchTooLarge e) {
    return ProblemResponses.build(Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage()).build();
  }

  @ServerExceptionMapper
  Response rulesLoading(MaskingRulesLoading e) {
    return ProblemResponses.unavailable(e.getMessage(), config.ingest().retryAfterSeconds());
  }
}
