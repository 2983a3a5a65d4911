package dev.sightline.ingest.domain.guard;

import dev.sightline.schemas.avro.IngestEvent;
import java.util.List;
import java.util.function.IntUnaryOperator;

/** Says where in the client's request an event and one of its fields came from. */
@FunctionalInterface
public interface EventLocator {

  /**
   * The pointer of {@code field} of {@code events.get(index)}.
   *
   * @param field a neutral field name: id, traceId, startTime, endTime, input, attributes.k, ...
   */
  String pointer(List<IngestEvent> events, int index, String field);

  /**
   * The Langfuse batch API: {@code /batch/3/body/endTime}.
   *
   * @param batchIndex the batch item index of the event at a list index (items that failed mapping
   *     are not in the list, so the two can differ)
   */
  static EventLocator batch(IntUnaryOperator batchIndex) {
    return (events, index, field) ->
        "/batch/" + batchIndex.applyAsInt(index) + "/body/" + field.replace('.', '/');
  }

  /**
   * OTLP, where one span gives an OBSERVATION (and a TRACE before it when it is a root): {@code
   * span[3] (spanId=00f067aa0ba902b7) endTime}, the span counted across the whole request.
   */
  static EventLocator otlpSpans() {
    return new OtlpSpanLocator();
  }
}
