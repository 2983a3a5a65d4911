package dev.sightline.ingest.domain.langfuse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads one Langfuse body's JSON fields; every failure names the field's JSON pointer. */
final class Fields {

  private final JsonNode body;
  private final String pointer;

  Fields(JsonNode body, String pointer) {
    this.body = body;
    this.pointer = pointer;
  }

  private JsonNode get(String field) {
    JsonNode v = body.get(field);
    return v == null || v.isNull() ? null : v;
  }

  /** A scalar as text (strings verbatim, numbers and booleans printed), null when absent. */
  String text(String field) {
    JsonNode v = get(field);
    if (v == null) {
      return null;
    }
    if (v.isContainerNode()) {
      throw new InvalidItem(pointer + "/" + field, "expected a string, got " + v.getNodeType());
    }
    return v.asText();
  }

  /** A required non-empty scalar. */
  String required(String field) {
    String v = text(field);
    if (v == null || v.isEmpty()) {
      throw new InvalidItem(pointer + "/" + field, "is required");
    }
    return v;
  }

  /** Any JSON value as text: strings verbatim, everything else as JSON (input, output). */
  String anyJson(String field) {
    JsonNode v = get(field);
    return v == null ? null : v.isTextual() ? v.textValue() : v.toString();
  }

  Integer integer(String field) {
    JsonNode v = get(field);
    if (v == null) {
      return null;
    }
    if (v.canConvertToInt()
        && (v.isIntegralNumber() || v.isTextual() && v.asText().matches("-?\\d+"))) {
      return v.isTextual() ? Integer.valueOf(v.asText()) : v.intValue();
    }
    throw new InvalidItem(pointer + "/" + field, "expected an integer, got " + v);
  }

  /**
   * An object's entries as text (nested values as JSON); a non-object value under {@code field}.
   */
  Map<String, String> stringMap(String field) {
    JsonNode v = get(field);
    Map<String, String> out = new LinkedHashMap<>();
    if (v == null) {
      return out;
    }
    if (!v.isObject()) {
      out.put(field, v.isTextual() ? v.textValue() : v.toString());
      return out;
    }
    v.fields()
        .forEachRemaining(
            e -> {
              if (!e.getValue().isNull()) {
                JsonNode x = e.getValue();
                out.put(e.getKey(), x.isTextual() ? x.textValue() : x.toString());
              }
            });
    return out;
  }

  /** The object under {@code field}, or null. */
  JsonNode object(String field) {
    JsonNode v = get(field);
    if (v != null && !v.isObject()) {
      throw new InvalidItem(pointer + "/" + field, "expected an object, got " + v.getNodeType());
    }
    return v;
  }

  /** An ISO-8601 time as epoch microseconds; a time without offset is taken as UTC. */
  Long micros(String field) {
    String v = text(field);
    return v == null ? null : micros(v, pointer + "/" + field);
  }

  static long micros(String iso, String where) {
    return IsoTimes.micros(iso)
        .orElseThrow(
            () -> new InvalidItem(where, "expected an ISO-8601 time, got \"" + iso + "\""));
  }
}
