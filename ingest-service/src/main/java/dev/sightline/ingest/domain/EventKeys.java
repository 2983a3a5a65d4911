package dev.sightline.ingest.domain;

import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.avro.ScorePayload;
import dev.sightline.schemas.avro.TracePayload;
import dev.sightline.schemas.topics.Topics;

/** The Kafka key of an envelope, so that all events of one trace share a partition. */
public final class EventKeys {

  private EventKeys() {}

  /** {@code projectId/traceId} of the envelope's payload. */
  public static String of(IngestEvent event) {
    Object payload = event.getPayload();
    String traceId;
    if (payload instanceof TracePayload t) {
      traceId = t.getTraceId();
    } else if (payload instanceof ObservationPayload o) {
      traceId = o.getTraceId();
    } else if (payload instanceof ScorePayload s) {
      traceId = s.getTraceId();
    } else {
      throw new IllegalArgumentException("unknown payload " + payload);
    }
    return Topics.traceKey(event.getProjectId(), traceId);
  }
}
