package dev.sightline.ingest.domain;

import dev.sightline.schemas.avro.ObservationType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Infers a span's observation type from Langfuse, OpenInference and GenAI attributes. */
final class ObservationTypes {

  private ObservationTypes() {}

  /**
   * {@code langfuse.observation.type}, then {@code openinference.span.kind} (both consumed), then
   * {@code gen_ai.operation.name}, a model, a tool or an agent name (kept in attributes).
   */
  static ObservationType infer(AttributeBag attrs, List<String> modelKeys) {
    Optional<ObservationType> explicit =
        attrs.peekText("langfuse.observation.type").flatMap(ObservationTypes::parse);
    if (explicit.isPresent()) {
      attrs.text("langfuse.observation.type");
      return explicit.get();
    }
    Optional<ObservationType> openInference =
        attrs.peekText("openinference.span.kind").flatMap(ObservationTypes::openInference);
    if (openInference.isPresent()) {
      attrs.text("openinference.span.kind");
      return openInference.get();
    }
    Optional<ObservationType> operation =
        attrs.peekText("gen_ai.operation.name").flatMap(ObservationTypes::operation);
    if (operation.isPresent()) {
      return operation.get();
    }
    if (modelKeys.stream().anyMatch(k -> attrs.peekText(k).isPresent())) {
      return ObservationType.GENERATION;
    }
    if (attrs.peekText("gen_ai.tool.name").isPresent()) {
      return ObservationType.TOOL;
    }
    if (attrs.peekText("gen_ai.agent.name").isPresent()) {
      return ObservationType.AGENT;
    }
    return ObservationType.SPAN;
  }

  static Optional<ObservationType> parse(String value) {
    String upper = value.trim().toUpperCase(Locale.ROOT);
    try {
      // Langfuse calls it RETRIEVER, we call it RETRIEVAL.
      return Optional.of(
          upper.equals("RETRIEVER") ? ObservationType.RETRIEVAL : ObservationType.valueOf(upper));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<ObservationType> openInference(String kind) {
    return switch (kind.trim().toUpperCase(Locale.ROOT)) {
      case "LLM" -> Optional.of(ObservationType.GENERATION);
      case "RETRIEVER", "RERANKER" -> Optional.of(ObservationType.RETRIEVAL);
      default -> parse(kind);
    };
  }

  /** GenAI semconv operation names (well-known values of {@code gen_ai.operation.name}). */
  private static Optional<ObservationType> operation(String name) {
    return switch (name.trim()) {
      case "chat", "text_completion", "generate_content" -> Optional.of(ObservationType.GENERATION);
      case "embeddings" -> Optional.of(ObservationType.EMBEDDING);
      case "execute_tool" -> Optional.of(ObservationType.TOOL);
      case "invoke_agent", "create_agent" -> Optional.of(ObservationType.AGENT);
      default -> Optional.empty();
    };
  }
}
