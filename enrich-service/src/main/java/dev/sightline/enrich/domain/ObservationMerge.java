package dev.sightline.enrich.domain;

import dev.sightline.schemas.avro.Level;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.avro.ObservationType;
import dev.sightline.schemas.avro.Usage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Merges create and update events of one observation field by field, whatever order they arrive in.
 *
 * <p>An event that is newer than what it merges into (any update, or a create after a create)
 * overwrites with its non-null fields. A create that arrives after updates only fills the fields
 * still missing: those updates happened after it, so their values win.
 */
public final class ObservationMerge {

  private ObservationMerge() {}

  /**
   * The merged observation.
   *
   * @param base the merge of the earlier events, or null for the first event
   * @param baseHasCreate whether a create event is part of {@code base}
   * @param event the event to merge in
   */
  public static ObservationPayload merge(
      ObservationPayload base, boolean baseHasCreate, ObservationPayload event) {
    if (base == null) {
      // Decoded records are never changed in place (merges build new ones), so the first event is
      // the merge as it is; a deep copy here was 3 % of enrich's bench profile.
      return event;
    }
    boolean wins = event.getUpdate() || baseHasCreate;
    ObservationPayload.Builder out = ObservationPayload.newBuilder(base);
    out.setUpdate(base.getUpdate() && event.getUpdate());
    out.setParentObservationId(
        pick(base.getParentObservationId(), event.getParentObservationId(), wins));
    // SPAN and DEFAULT are the schema defaults: an event carrying them said nothing.
    ObservationType type = pick(unset(base.getType()), unset(event.getType()), wins);
    out.setType(type == null ? ObservationType.SPAN : type);
    Level level = pick(unset(base.getLevel()), unset(event.getLevel()), wins);
    out.setLevel(level == null ? Level.DEFAULT : level);
    out.setName(pick(base.getName(), event.getName(), wins));
    out.setStartTimeMicros(pick(base.getStartTimeMicros(), event.getStartTimeMicros(), wins));
    out.setEndTimeMicros(pick(base.getEndTimeMicros(), event.getEndTimeMicros(), wins));
    out.setCompletionStartTimeMicros(
        pick(base.getCompletionStartTimeMicros(), event.getCompletionStartTimeMicros(), wins));
    out.setModel(pick(base.getModel(), event.getModel(), wins));
    out.setProvider(pick(base.getProvider(), event.getProvider(), wins));
    out.setModelParameters(maps(base.getModelParameters(), event.getModelParameters(), wins));
    out.setUsage(usage(base.getUsage(), event.getUsage(), wins));
    out.setProvidedCostUsd(pick(base.getProvidedCostUsd(), event.getProvidedCostUsd(), wins));
    out.setPromptName(pick(base.getPromptName(), event.getPromptName(), wins));
    out.setPromptVersion(pick(base.getPromptVersion(), event.getPromptVersion(), wins));
    out.setInput(pick(base.getInput(), event.getInput(), wins));
    out.setOutput(pick(base.getOutput(), event.getOutput(), wins));
    out.setStatusMessage(pick(base.getStatusMessage(), event.getStatusMessage(), wins));
    out.setEnvironment(pick(base.getEnvironment(), event.getEnvironment(), wins));
    out.setAttributes(maps(base.getAttributes(), event.getAttributes(), wins));
    boolean eventHasDocs = !event.getRetrievalDocuments().isEmpty();
    if (eventHasDocs && (wins || base.getRetrievalDocuments().isEmpty())) {
      out.setRetrievalDocuments(event.getRetrievalDocuments());
    }
    return out.build();
  }

  private static Usage usage(Usage base, Usage event, boolean wins) {
    if (base == null || event == null) {
      return base == null ? event : base;
    }
    return Usage.newBuilder()
        .setInputTokens(pick(base.getInputTokens(), event.getInputTokens(), wins))
        .setOutputTokens(pick(base.getOutputTokens(), event.getOutputTokens(), wins))
        .setCacheReadTokens(pick(base.getCacheReadTokens(), event.getCacheReadTokens(), wins))
        .setCacheCreationTokens(
            pick(base.getCacheCreationTokens(), event.getCacheCreationTokens(), wins))
        .setTotalTokens(pick(base.getTotalTokens(), event.getTotalTokens(), wins))
        .setDetails(maps(base.getDetails(), event.getDetails(), wins))
        .build();
  }

  /** The event's value when it wins and has one, else the base's (or the event's as a filler). */
  static <T> T pick(T base, T event, boolean eventWins) {
    if (eventWins) {
      return event != null ? event : base;
    }
    return base != null ? base : event;
  }

  /** Both maps merged; on a shared key the winner's value stays. */
  static <K, V> Map<K, V> maps(Map<K, V> base, Map<K, V> event, boolean eventWins) {
    Map<K, V> out = new LinkedHashMap<>(eventWins ? base : event);
    out.putAll(eventWins ? event : base);
    return out;
  }

  private static ObservationType unset(ObservationType type) {
    return type == ObservationType.SPAN ? null : type;
  }

  private static Level unset(Level level) {
    return level == Level.DEFAULT ? null : level;
  }
}
