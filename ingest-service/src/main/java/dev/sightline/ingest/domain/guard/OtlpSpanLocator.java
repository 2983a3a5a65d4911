package dev.sightline.ingest.domain.guard;

import dev.sightline.schemas.avro.EventKind;
import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.avro.ScorePayload;
import dev.sightline.schemas.avro.TracePayload;
import java.util.List;

/** Pointers in OTLP span terms; span numbers are counted once per request, not per rejection. */
final class OtlpSpanLocator implements EventLocator {

  private List<IngestEvent> counted;
  private int[] spanNumbers;

  @Override
  public synchronized String pointer(List<IngestEvent> events, int index, String field) {
    if (counted != events) {
      spanNumbers = new int[events.size()];
      int span = 0;
      for (int i = 0; i < events.size(); i++) {
        spanNumbers[i] = span;
        if (events.get(i).getKind() == EventKind.OBSERVATION) {
          span++;
        }
      }
      counted = events;
    }
    int span = spanNumbers[index];
    Object payload = events.get(index).getPayload();
    if (payload instanceof ObservationPayload o) {
      return "span[%d] (spanId=%s) %s".formatted(span, o.getObservationId(), field);
    }
    if (payload instanceof TracePayload t) {
      return "span[%d] (traceId=%s) trace %s".formatted(span, t.getTraceId(), field);
    }
    ScorePayload s = (ScorePayload) payload;
    return "event[%d] (scoreId=%s) %s".formatted(index, s.getScoreId(), field);
  }
}
