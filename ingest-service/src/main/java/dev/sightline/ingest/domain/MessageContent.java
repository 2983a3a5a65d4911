package dev.sightline.ingest.domain;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Prompt and completion content: a single attribute, a flattened message list (OpenLLMetry {@code
 * gen_ai.prompt.N.*}, OpenInference {@code llm.input_messages.N.message.*}) or span events ({@code
 * gen_ai.content.prompt}, {@code gen_ai.user.message}, {@code gen_ai.choice}, …). Lists become
 * JSON.
 */
final class MessageContent {

  private static final List<String> INPUT_EVENTS =
      List.of(
          "gen_ai.system.message",
          "gen_ai.user.message",
          "gen_ai.assistant.message",
          "gen_ai.tool.message");

  private MessageContent() {}

  static String input(AttributeBag attrs, Span span) {
    return attrs
        .text("langfuse.observation.input", "input.value", "gen_ai.input.messages", "gen_ai.prompt")
        .or(() -> list(attrs.takeIndexed("gen_ai.prompt"), ""))
        .or(() -> list(attrs.takeIndexed("llm.input_messages"), "message."))
        .or(() -> eventText(span, "gen_ai.content.prompt", "gen_ai.prompt"))
        .or(() -> eventMessages(span, INPUT_EVENTS))
        .orElse(null);
  }

  static String output(AttributeBag attrs, Span span) {
    return attrs
        .text(
            "langfuse.observation.output",
            "output.value",
            "gen_ai.output.messages",
            "gen_ai.completion")
        .or(() -> list(attrs.takeIndexed("gen_ai.completion"), ""))
        .or(() -> list(attrs.takeIndexed("llm.output_messages"), "message."))
        .or(() -> eventText(span, "gen_ai.content.completion", "gen_ai.completion"))
        .or(() -> eventMessages(span, List.of("gen_ai.choice")))
        .orElse(null);
  }

  private static Optional<String> list(
      SortedMap<Integer, Map<String, AnyValue>> items, String fieldPrefix) {
    if (items.isEmpty()) {
      return Optional.empty();
    }
    ArrayValue.Builder array = ArrayValue.newBuilder();
    for (Map<String, AnyValue> fields : items.values()) {
      KeyValueList.Builder object = KeyValueList.newBuilder();
      fields.forEach(
          (k, v) ->
              object.addValues(
                  KeyValue.newBuilder()
                      .setKey(k.startsWith(fieldPrefix) ? k.substring(fieldPrefix.length()) : k)
                      .setValue(v)));
      array.addValues(AnyValue.newBuilder().setKvlistValue(object));
    }
    return Optional.of(AnyValues.json(AnyValue.newBuilder().setArrayValue(array).build()));
  }

  private static Optional<String> eventText(Span span, String eventName, String key) {
    for (Span.Event e : span.getEventsList()) {
      if (e.getName().equals(eventName)) {
        for (KeyValue kv : e.getAttributesList()) {
          if (kv.getKey().equals(key)) {
            return Optional.of(AnyValues.text(kv.getValue()));
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Message events as a JSON list; the role comes from the event name unless it says one. */
  private static Optional<String> eventMessages(Span span, List<String> names) {
    ArrayValue.Builder array = ArrayValue.newBuilder();
    for (Span.Event e : span.getEventsList()) {
      if (!names.contains(e.getName())) {
        continue;
      }
      KeyValueList.Builder object = KeyValueList.newBuilder();
      boolean hasRole = e.getAttributesList().stream().anyMatch(kv -> kv.getKey().equals("role"));
      if (!hasRole && !e.getName().equals("gen_ai.choice")) {
        String role = e.getName().replace("gen_ai.", "").replace(".message", "");
        object.addValues(
            KeyValue.newBuilder()
                .setKey("role")
                .setValue(AnyValue.newBuilder().setStringValue(role)));
      }
      object.addAllValues(e.getAttributesList());
      array.addValues(AnyValue.newBuilder().setKvlistValue(object));
    }
    return array.getValuesCount() == 0
        ? Optional.empty()
        : Optional.of(AnyValues.json(AnyValue.newBuilder().setArrayValue(array).build()));
  }
}
