package dev.sightline.ingest.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.ProtocolMessageEnum;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.HexFormat;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/** Typed reads of OTLP/JSON fields; every failure names the JSON path it happened at. */
final class JsonReader {

  /** Iterates an optional array field. */
  void forEach(JsonNode node, String field, String path, BiConsumer<JsonNode, String> each) {
    JsonNode array = node.get(field);
    if (array == null || array.isNull()) {
      return;
    }
    if (!array.isArray()) {
      throw new MalformedRequestException(path, "expected an array");
    }
    for (int i = 0; i < array.size(); i++) {
      JsonNode item = array.get(i);
      String itemPath = path + "[" + i + "]";
      if (!item.isObject()) {
        throw new MalformedRequestException(itemPath, "expected an object");
      }
      each.accept(item, itemPath);
    }
  }

  /** An optional object field, or null. */
  JsonNode object(JsonNode node, String field, String path) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isObject()) {
      throw new MalformedRequestException(path + "." + field, "expected an object");
    }
    return value;
  }

  /** An optional string field, "" when absent. */
  String string(JsonNode node, String field, String path) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return "";
    }
    if (!value.isTextual()) {
      throw new MalformedRequestException(path + "." + field, "expected a string");
    }
    String text = value.asText();
    int bad = unpairedSurrogate(text);
    if (bad >= 0) {
      // Jackson accepts "\\ud800" escapes; such a string cannot be written as UTF-8 downstream.
      throw new MalformedRequestException(
          path + "." + field,
          "invalid Unicode: unpaired surrogate U+%04X at index %d"
              .formatted((int) text.charAt(bad), bad));
    }
    return text;
  }

  /** Index of the first lone UTF-16 surrogate, or -1. */
  static int unpairedSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /** A hex-encoded id (OTLP/JSON encodes trace and span ids as hex, not base64). */
  ByteString hex(JsonNode node, String field, String path) {
    String text = string(node, field, path);
    try {
      return ByteString.copyFrom(HexFormat.of().parseHex(text));
    } catch (IllegalArgumentException e) {
      throw new MalformedRequestException(
          path + "." + field, "expected a hex string, got \"" + abbreviate(text) + "\"");
    }
  }

  /** A 64-bit unsigned integer sent as a JSON number or a decimal string. */
  long uint64(JsonNode node, String field, String path) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return 0;
    }
    try {
      if (value.isIntegralNumber()) {
        return Long.parseUnsignedLong(value.bigIntegerValue().toString());
      }
      if (value.isTextual()) {
        return Long.parseUnsignedLong(value.asText().trim());
      }
    } catch (NumberFormatException e) {
      // Falls through to the error below, which names the field.
    }
    throw new MalformedRequestException(
        path + "." + field, "expected an unsigned integer or a decimal string, got " + value);
  }

  /** An enum sent as its number or its proto name, e.g. {@code 2} or "STATUS_CODE_ERROR". */
  int enumValue(
      JsonNode node,
      String field,
      String path,
      Function<String, ? extends ProtocolMessageEnum> byName,
      int maxNumber) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return 0;
    }
    if (value.isIntegralNumber()) {
      if (!value.canConvertToInt() || value.intValue() < 0 || value.intValue() > maxNumber) {
        throw new MalformedRequestException(
            path + "." + field, "unknown value " + value + "; expected 0.." + maxNumber);
      }
      return value.intValue();
    }
    if (value.isTextual()) {
      try {
        return byName.apply(value.asText()).getNumber();
      } catch (IllegalArgumentException e) {
        throw new MalformedRequestException(path + "." + field, "unknown value " + value);
      }
    }
    throw new MalformedRequestException(path + "." + field, "expected a number or a name");
  }

  /** The {@code attributes} array of a resource, scope, span, event or link. */
  void attributes(JsonNode node, String path, Consumer<KeyValue> add) {
    forEach(
        node,
        "attributes",
        path + ".attributes",
        (kv, p) -> add.accept(JsonAttributes.keyValue(this, kv, p)));
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
