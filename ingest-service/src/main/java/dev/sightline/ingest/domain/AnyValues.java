package dev.sightline.ingest.domain;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.Base64;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Reads OTLP attribute values as the strings and numbers the Avro model stores. */
public final class AnyValues {

  private AnyValues() {}

  /** The value as text: strings verbatim, arrays and key-value lists as JSON, bytes as base64. */
  public static String text(AnyValue value) {
    return switch (value.getValueCase()) {
      case STRING_VALUE -> value.getStringValue();
      case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
      case INT_VALUE -> Long.toString(value.getIntValue());
      case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
      case BYTES_VALUE -> Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray());
      case ARRAY_VALUE, KVLIST_VALUE -> json(value);
      default -> "";
    };
  }

  /** The value as JSON, so that nested values keep their types. */
  public static String json(AnyValue value) {
    StringBuilder out = new StringBuilder();
    appendJson(value, out);
    return out.toString();
  }

  /** An integer from an int, a whole double or a numeric string (SDKs differ); empty otherwise. */
  public static OptionalLong asLong(AnyValue value) {
    switch (value.getValueCase()) {
      case INT_VALUE:
        return OptionalLong.of(value.getIntValue());
      case DOUBLE_VALUE:
        double d = value.getDoubleValue();
        return d == Math.rint(d) ? OptionalLong.of((long) d) : OptionalLong.empty();
      case STRING_VALUE:
        try {
          return OptionalLong.of(Long.parseLong(value.getStringValue().trim()));
        } catch (NumberFormatException e) {
          return OptionalLong.empty();
        }
      default:
        return OptionalLong.empty();
    }
  }

  /** A number from a double, an int or a numeric string; empty otherwise. */
  public static OptionalDouble asDouble(AnyValue value) {
    switch (value.getValueCase()) {
      case DOUBLE_VALUE:
        return OptionalDouble.of(value.getDoubleValue());
      case INT_VALUE:
        return OptionalDouble.of(value.getIntValue());
      case STRING_VALUE:
        try {
          return OptionalDouble.of(Double.parseDouble(value.getStringValue().trim()));
        } catch (NumberFormatException e) {
          return OptionalDouble.empty();
        }
      default:
        return OptionalDouble.empty();
    }
  }

  private static void appendJson(AnyValue value, StringBuilder out) {
    switch (value.getValueCase()) {
      case STRING_VALUE, BYTES_VALUE -> appendString(text(value), out);
      case BOOL_VALUE, INT_VALUE -> out.append(text(value));
      case DOUBLE_VALUE -> {
        double d = value.getDoubleValue();
        // JSON has no NaN/Infinity; quote them rather than emit invalid JSON.
        if (Double.isFinite(d)) {
          out.append(d);
        } else {
          appendString(Double.toString(d), out);
        }
      }
      case ARRAY_VALUE -> {
        out.append('[');
        for (int i = 0; i < value.getArrayValue().getValuesCount(); i++) {
          out.append(i == 0 ? "" : ",");
          appendJson(value.getArrayValue().getValues(i), out);
        }
        out.append(']');
      }
      case KVLIST_VALUE -> {
        out.append('{');
        int i = 0;
        for (KeyValue kv : value.getKvlistValue().getValuesList()) {
          out.append(i++ == 0 ? "" : ",");
          appendString(kv.getKey(), out);
          out.append(':');
          appendJson(kv.getValue(), out);
        }
        out.append('}');
      }
      default -> out.append("null");
    }
  }

  private static void appendString(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
