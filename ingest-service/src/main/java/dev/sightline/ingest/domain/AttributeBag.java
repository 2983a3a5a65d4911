package dev.sightline.ingest.domain;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The attributes of one span; mapped values are taken out, so what is left is exactly what the
 * model has no field for and goes to {@code attributes} verbatim.
 */
final class AttributeBag {

  private final Map<String, AnyValue> values = new LinkedHashMap<>();

  AttributeBag(List<KeyValue> attributes) {
    for (KeyValue kv : attributes) {
      values.put(kv.getKey(), kv.getValue());
    }
  }

  /** Whether any key starts with the prefix. */
  boolean hasPrefix(String prefix) {
    return values.keySet().stream().anyMatch(k -> k.startsWith(prefix));
  }

  /** Reads the first present key without taking it. */
  Optional<String> peekText(String... keys) {
    for (String key : keys) {
      AnyValue v = values.get(key);
      if (v != null) {
        return Optional.of(AnyValues.text(v));
      }
    }
    return Optional.empty();
  }

  /** Reads a key holding an array (or a single string) as a list of strings, without taking it. */
  List<String> peekStrings(String key) {
    AnyValue v = values.get(key);
    if (v == null) {
      return List.of();
    }
    if (v.hasArrayValue()) {
      return v.getArrayValue().getValuesList().stream().map(AnyValues::text).toList();
    }
    return List.of(AnyValues.text(v));
  }

  /** Reads every key with the prefix, without the prefix and without taking them. */
  Map<String, String> peekPrefixed(String prefix) {
    Map<String, String> out = new LinkedHashMap<>();
    values.forEach(
        (k, v) -> {
          if (k.startsWith(prefix) && k.length() > prefix.length()) {
            out.put(k.substring(prefix.length()), AnyValues.text(v));
          }
        });
    return out;
  }

  /** Takes the first present key as text; other keys of the list stay. */
  Optional<String> text(String... keys) {
    for (String key : keys) {
      AnyValue v = values.get(key);
      if (v != null) {
        values.remove(key);
        return Optional.of(AnyValues.text(v));
      }
    }
    return Optional.empty();
  }

  /** Takes the first key that holds an integer; a non-numeric value stays in the bag. */
  Optional<Long> integer(String... keys) {
    for (String key : keys) {
      AnyValue v = values.get(key);
      OptionalLong n = v == null ? OptionalLong.empty() : AnyValues.asLong(v);
      if (n.isPresent()) {
        values.remove(key);
        return Optional.of(n.getAsLong());
      }
    }
    return Optional.empty();
  }

  /** Takes the first key that holds a number; a non-numeric value stays in the bag. */
  Optional<Double> decimal(String... keys) {
    for (String key : keys) {
      AnyValue v = values.get(key);
      OptionalDouble n = v == null ? OptionalDouble.empty() : AnyValues.asDouble(v);
      if (n.isPresent()) {
        values.remove(key);
        return Optional.of(n.getAsDouble());
      }
    }
    return Optional.empty();
  }

  /** Takes every key with the prefix, returned without the prefix. */
  Map<String, String> takePrefixed(String prefix) {
    Map<String, String> taken = new LinkedHashMap<>();
    values
        .entrySet()
        .removeIf(
            e -> {
              if (e.getKey().startsWith(prefix) && e.getKey().length() > prefix.length()) {
                taken.put(e.getKey().substring(prefix.length()), AnyValues.text(e.getValue()));
                return true;
              }
              return false;
            });
    return taken;
  }

  /** Takes every key with the prefix except the listed suffixes, returned without the prefix. */
  Map<String, String> takePrefixedExcept(String prefix, Set<String> except) {
    Map<String, String> taken = new LinkedHashMap<>();
    values
        .entrySet()
        .removeIf(
            e -> {
              String k = e.getKey();
              if (k.startsWith(prefix)
                  && k.length() > prefix.length()
                  && !except.contains(k.substring(prefix.length()))) {
                taken.put(k.substring(prefix.length()), AnyValues.text(e.getValue()));
                return true;
              }
              return false;
            });
    return taken;
  }

  /**
   * Takes the flattened list {@code <prefix>.<N>.<field>} (OpenLLMetry, OpenInference) as one map
   * of fields per index, in index order.
   */
  SortedMap<Integer, Map<String, AnyValue>> takeIndexed(String prefix) {
    // Plain string checks, no regex: this runs for several prefixes on every span.
    String head = prefix + ".";
    SortedMap<Integer, Map<String, AnyValue>> out = new TreeMap<>();
    values
        .entrySet()
        .removeIf(
            e -> {
              String k = e.getKey();
              if (!k.startsWith(head)) {
                return false;
              }
              int from = head.length();
              int to = from;
              while (to < k.length() && to - from < 6 && isAsciiDigit(k.charAt(to))) {
                to++;
              }
              if (to == from || to + 1 >= k.length() || k.charAt(to) != '.') {
                return false;
              }
              int index = Integer.parseInt(k, from, to, 10);
              out.computeIfAbsent(index, i -> new LinkedHashMap<>())
                  .put(k.substring(to + 1), e.getValue());
              return true;
            });
    return out;
  }

  /** What is left, as text, with a prefix added to every key. */
  Map<String, String> remaining(String keyPrefix) {
    Map<String, String> out = new LinkedHashMap<>();
    boolean plain = keyPrefix.isEmpty();
    values.forEach((k, v) -> out.put(plain ? k : keyPrefix + k, AnyValues.text(v)));
    return out;
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
