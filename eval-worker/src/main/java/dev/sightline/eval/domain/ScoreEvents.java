package dev.sightline.eval.domain;

import dev.sightline.schemas.avro.EventKind;
import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.avro.ScorePayload;
import java.util.UUID;

/**
 * Wraps eval scores in the ingest envelope, so they take the same path to storage as API scores.
 */
public final class ScoreEvents {

  private ScoreEvents() {}

  /** A SCORE ingest event with a fresh event id; the score id stays deterministic. */
  public static IngestEvent of(String projectId, ScorePayload score, long receivedAtMicros) {
    return IngestEvent.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setProjectId(projectId)
        .setReceivedAtMicros(receivedAtMicros)
        .setKind(EventKind.SCORE)
        .setPayload(score)
        .build();
  }
}
