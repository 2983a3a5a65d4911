package dev.sightline.ingest.domain.langfuse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.schemas.avro.EventKind;
import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.avro.ObservationType;
import dev.sightline.schemas.avro.ScorePayload;
import dev.sightline.schemas.avro.TracePayload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps a Langfuse ingestion batch ({@code {batch:[{id,type,timestamp,body}], metadata}}) to ingest
 * envelopes, one per item; an invalid item is reported and the others are still mapped. Pure.
 */
public final class LangfuseBatchMapper {

  /** One mapped item at {@code batchIndex}; the envelope's event id is the item's id. */
  public record Mapped(int batchIndex, String itemId, IngestEvent event) {}

  /** One item that could not be mapped. */
  public record Failed(String itemId, String pointer, String message) {}

  /**
   * What a batch mapped to.
   *
   * @param events mapped items in batch order
   * @param ignored ids of items accepted but not stored ({@code sdk-log})
   * @param failed invalid items
   */
  public record Result(List<Mapped> events, List<String> ignored, List<Failed> failed) {}

  /**
   * Maps every item of the batch.
   *
   * @throws InvalidItem when the envelope itself is unusable (no {@code batch} array)
   */
  public Result map(JsonNode root, String projectId, long receivedAtMicros) {
    JsonNode batch = root == null ? null : root.get("batch");
    if (batch == null || !batch.isArray()) {
      throw new InvalidItem("/batch", "expected an object with a \"batch\" array");
    }
    List<Mapped> events = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    List<Failed> failed = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      JsonNode item = batch.get(i);
      String pointer = "/batch/" + i;
      String id = item.hasNonNull("id") ? item.get("id").asText() : "";
      try {
        Optional<Object> payload = payload(item, pointer, id, receivedAtMicros);
        if (payload.isEmpty()) {
          ignored.add(id);
        } else {
          events.add(new Mapped(i, id, envelope(id, projectId, receivedAtMicros, payload.get())));
        }
      } catch (InvalidItem e) {
        failed.add(new Failed(id, e.pointer(), e.getMessage()));
      }
    }
    return new Result(events, ignored, failed);
  }

  private static Optional<Object> payload(JsonNode item, String pointer, String id, long now) {
    if (!item.isObject()) {
      throw new InvalidItem(pointer, "expected an event object {id, type, timestamp, body}");
    }
    Fields envelope = new Fields(item, pointer);
    envelope.required("id");
    String type = envelope.required("type");
    if (type.equals("sdk-log")) {
      return Optional.empty();
    }
    Long timestamp = envelope.micros("timestamp");
    long itemMicros = timestamp != null ? timestamp : now;
    JsonNode body = envelope.object("body");
    if (body == null) {
      throw new InvalidItem(pointer + "/body", "is required");
    }
    String bodyPointer = pointer + "/body";
    switch (type) {
      case "trace-create":
        return Optional.of(TraceBody.of(body, bodyPointer, itemMicros));
      case "score-create":
        return Optional.of(ScoreBody.of(body, bodyPointer, id, itemMicros));
      case "observation-create", "observation-update":
        ObservationType declared =
            Optional.ofNullable(new Fields(body, bodyPointer).text("type"))
                .map(
                    t ->
                        EventTypes.observationTypeName(t)
                            .orElseThrow(
                                () ->
                                    new InvalidItem(
                                        bodyPointer + "/type", "unknown observation type " + t)))
                .orElse(ObservationType.SPAN);
        return Optional.of(
            ObservationBody.of(body, bodyPointer, declared, EventTypes.isUpdate(type), itemMicros));
      default:
        ObservationType observation =
            EventTypes.observationType(type)
                .orElseThrow(
                    () ->
                        new InvalidItem(pointer + "/type", "unknown event type \"" + type + "\""));
        return Optional.of(
            ObservationBody.of(
                body, bodyPointer, observation, EventTypes.isUpdate(type), itemMicros));
    }
  }

  private static IngestEvent envelope(String id, String projectId, long now, Object payload) {
    EventKind kind =
        payload instanceof TracePayload
            ? EventKind.TRACE
            : payload instanceof ScorePayload ? EventKind.SCORE : EventKind.OBSERVATION;
    return IngestEvent.newBuilder()
        .setEventId(id)
        .setProjectId(projectId)
        .setReceivedAtMicros(now)
        .setKind(kind)
        .setPayload(payload)
        .build();
  }
}
