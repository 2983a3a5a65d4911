package dev.sightline.ingest.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import java.util.Base64;

/** Reads OTLP/JSON attributes ({@code {key, value:{stringValue|intValue|...}}}) into protobuf. */
final class JsonAttributes {

  private static final java.util.List<String> TYPES =
      java.util.List.of(
          "stringValue",
          "boolValue",
          "intValue",
          "doubleValue",
          "bytesValue",
          "arrayValue",
          "kvlistValue");

  private JsonAttributes() {}

  static KeyValue keyValue(JsonReader in, JsonNode node, String path) {
    String key = in.string(node, "key", path);
    if (key.isEmpty()) {
      throw new MalformedRequestException(path + ".key", "missing attribute key");
    }
    JsonNode value = in.object(node, "value", path);
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(
            value == null ? AnyValue.getDefaultInstance() : anyValue(in, value, path + ".value"))
        .build();
  }

  private static AnyValue anyValue(JsonReader in, JsonNode node, String path) {
    AnyValue.Builder b = AnyValue.newBuilder();
    if (node.has("stringValue")) {
      return b.setStringValue(in.string(node, "stringValue", path)).build();
    }
    if (node.has("boolValue")) {
      JsonNode v = node.get("boolValue");
      if (!v.isBoolean()) {
        throw new MalformedRequestException(path + ".boolValue", "expected true or false");
      }
      return b.setBoolValue(v.booleanValue()).build();
    }
    if (node.has("intValue")) {
      return b.setIntValue(signedLong(node.get("intValue"), path + ".intValue")).build();
    }
    if (node.has("doubleValue")) {
      return b.setDoubleValue(decimal(node.get("doubleValue"), path + ".doubleValue")).build();
    }
    if (node.has("bytesValue")) {
      try {
        byte[] bytes = Base64.getDecoder().decode(in.string(node, "bytesValue", path));
        return b.setBytesValue(ByteString.copyFrom(bytes)).build();
      } catch (IllegalArgumentException e) {
        throw new MalformedRequestException(path + ".bytesValue", "expected base64");
      }
    }
    JsonNode array = in.object(node, "arrayValue", path);
    if (array != null) {
      ArrayValue.Builder values = ArrayValue.newBuilder();
      in.forEach(
          array,
          "values",
          path + ".arrayValue.values",
          (v, p) -> values.addValues(anyValue(in, v, p)));
      return b.setArrayValue(values).build();
    }
    JsonNode kvlist = in.object(node, "kvlistValue", path);
    if (kvlist != null) {
      KeyValueList.Builder values = KeyValueList.newBuilder();
      in.forEach(
          kvlist,
          "values",
          path + ".kvlistValue.values",
          (kv, p) -> values.addValues(keyValue(in, kv, p)));
      return b.setKvlistValue(values).build();
    }
    // An empty value is valid OTLP; a value of a type we do not know would be silently lost.
    for (var names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!TYPES.contains(name)) {
        throw new MalformedRequestException(
            path, "unknown value type \"" + name + "\"; expected one of " + TYPES);
      }
    }
    return b.build();
  }

  private static long signedLong(JsonNode value, String path) {
    try {
      if (value.isIntegralNumber() && value.canConvertToLong()) {
        return value.longValue();
      }
      if (value.isTextual()) {
        return Long.parseLong(value.asText().trim());
      }
    } catch (NumberFormatException e) {
      // Falls through to the error below.
    }
    throw new MalformedRequestException(path, "expected a 64-bit integer, got " + value);
  }

  private static double decimal(JsonNode value, String path) {
    if (value.isNumber()) {
      double d = value.doubleValue();
      // 1e999 is valid JSON syntax but overflows to Infinity, which no consumer can store.
      if (!Double.isFinite(d)) {
        throw new MalformedRequestException(path, "number out of double range: " + value);
      }
      return d;
    }
    if (value.isTextual()) {
      try {
        // Proto JSON writes NaN and Infinity as strings.
        return Double.parseDouble(value.asText().trim());
      } catch (NumberFormatException e) {
        // Falls through to the error below.
      }
    }
    throw new MalformedRequestException(path, "expected a number, got " + value);
  }
}
