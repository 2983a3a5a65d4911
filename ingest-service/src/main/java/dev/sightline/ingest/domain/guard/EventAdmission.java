package dev.sightline.ingest.domain.guard;

import dev.sightline.schemas.avro.IngestEvent;
import java.util.List;

/**
 * The one gate every transport (OTLP/HTTP, OTLP/gRPC, batch API) passes mapped events through
 * before they are published: validation, truncation, masking and the per-project rate limit.
 */
public interface EventAdmission {

  /**
   * Decides per event what may be published.
   *
   * @param projectId the project of the presenting key
   * @param events the mapped events of one request, in request order
   * @param locator how to point at an event in the transport's own terms
   * @return the (possibly truncated and masked) events to publish and the rejected ones
   * @throws RateLimitExceeded when the project is over its rate; nothing is admitted then
   */
  Admission admit(String projectId, List<IngestEvent> events, EventLocator locator);

  /** As {@link #admit(String, List, EventLocator)}, with pointers in OTLP span terms. */
  default Admission admit(String projectId, List<IngestEvent> events) {
    return admit(projectId, events, EventLocator.otlpSpans());
  }
}
