package dev.sightline.ingest.domain.guard;

import dev.sightline.schemas.avro.IngestEvent;
import java.util.List;

/**
 * What an {@link EventAdmission} let through and what it refused.
 *
 * @param accepted events to publish, in request order
 * @param rejected refused events with the reason
 */
public record Admission(List<IngestEvent> accepted, List<Rejection> rejected) {

  /** Every event admitted unchanged. */
  public static Admission all(List<IngestEvent> events) {
    return new Admission(List.copyOf(events), List.of());
  }
}
