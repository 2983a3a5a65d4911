package dev.sightline.ingest.domain.langfuse;

import dev.sightline.schemas.avro.ObservationType;
import java.util.Locale;
import java.util.Optional;

/** Langfuse's batch event types and the observation types they create. */
final class EventTypes {

  private EventTypes() {}

  /** The observation type of a {@code <type>-create} / {@code <type>-update} event, if any. */
  static Optional<ObservationType> observationType(String eventType) {
    int dash = eventType.lastIndexOf('-');
    if (dash < 0) {
      return Optional.empty();
    }
    String action = eventType.substring(dash + 1);
    if (!action.equals("create") && !action.equals("update")) {
      return Optional.empty();
    }
    return observationTypeName(eventType.substring(0, dash));
  }

  /** A Langfuse observation type name ({@code SPAN}, {@code RETRIEVER}, …) as ours. */
  static Optional<ObservationType> observationTypeName(String name) {
    String upper = name.trim().toUpperCase(Locale.ROOT);
    if (upper.equals("RETRIEVER")) {
      return Optional.of(ObservationType.RETRIEVAL);
    }
    // "observation-create" is the generic form: its body says the type.
    if (upper.equals("OBSERVATION")) {
      return Optional.of(ObservationType.SPAN);
    }
    try {
      return Optional.of(ObservationType.valueOf(upper));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static boolean isUpdate(String eventType) {
    return eventType.endsWith("-update");
  }
}
