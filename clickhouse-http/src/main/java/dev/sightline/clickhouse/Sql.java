package dev.sightline.clickhouse;

import java.util.Collection;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one place values and identifiers become SQL text. ClickHouse 18.16 has no server-side query
 * parameters, so every value passes through {@link #quote(String)}.
 */
public final class Sql {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

  private Sql() {}

  /**
   * A string literal that ClickHouse reads back as exactly {@code value}: backslash and quote are
   * escaped, and control characters (including NUL) are written as escapes so the query text stays
   * one printable line.
   */
  public static String quote(String value) {
    if (value == null) {
      return "NULL";
    }
    StringBuilder out = new StringBuilder(value.length() + 8).append('\'');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\'' -> out.append("\\'");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\0' -> out.append("\\0");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('\'').toString();
  }

  /** A list of quoted string literals for {@code IN (...)}. */
  public static String quoteAll(Collection<String> values) {
    return values.stream().map(Sql::quote).collect(Collectors.joining(", ", "(", ")"));
  }

  /**
   * An identifier from trusted code (table, column, database name); anything but plain ASCII
   * letters, digits and underscore is rejected rather than escaped.
   */
  public static String identifier(String name) {
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException("not a safe ClickHouse identifier: " + name);
    }
    return name;
  }

  /** A finite number literal; NaN and infinities are rejected. */
  public static String number(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not a finite number: " + value);
    }
    return Double.toString(value);
  }

  /** An integer literal. */
  public static String number(long value) {
    return Long.toString(value);
  }
}
