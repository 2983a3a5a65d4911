package dev.sightline.query.api;

import dev.sightline.query.domain.InvalidRequestException;
import dev.sightline.query.domain.search.TraceCursor;
import dev.sightline.query.domain.search.TraceSort;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

/** The checks shared by every search parameter parser; each failure is a 400 naming the param. */
final class SearchParams {

  static final int MAX_TEXT = 1000;
  private static final Set<String> LEVELS = Set.of("DEBUG", "DEFAULT", "WARNING", "ERROR");

  private SearchParams() {}

  static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidRequestException(name + ": required, ISO-8601 e.g. 2026-11-29T00:00:00Z");
    }
    try {
      return OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(
          name + ": not an ISO-8601 date-time with offset, e.g. 2026-11-29T00:00:00Z");
    }
  }

  /** {@code [from, to)} parsed and checked: missing, unordered or longer than maxRange is a 400. */
  static Instant[] range(String fromText, String toText, Duration maxRange) {
    Instant from = instant("from", fromText);
    Instant to = instant("to", toText);
    range(from, to, maxRange);
    return new Instant[] {from, to};
  }

  /** Fails unless from is before to and the range is at most {@code maxRange}. */
  static void range(Instant from, Instant to, Duration maxRange) {
    if (!from.isBefore(to)) {
      throw new InvalidRequestException("from: must be before to");
    }
    if (Duration.between(from, to).compareTo(maxRange) > 0) {
      throw new InvalidRequestException(
          "to: the range from..to is longer than the allowed " + maxRange + "; narrow it");
    }
  }

  static boolean descending(String order) {
    if (order == null || order.isBlank() || order.strip().equalsIgnoreCase("desc")) {
      return true;
    }
    if (order.strip().equalsIgnoreCase("asc")) {
      return false;
    }
    throw new InvalidRequestException("order: must be desc or asc");
  }

  static int limit(String value, int defaultLimit, int maxLimit) {
    if (value == null || value.isBlank()) {
      return defaultLimit;
    }
    try {
      int limit = Integer.parseInt(value.strip());
      if (limit >= 1 && limit <= maxLimit) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidRequestException("limit: must be an integer from 1 to " + maxLimit);
  }

  static TraceCursor cursor(String value, TraceSort sort, boolean descending) {
    return value == null || value.isBlank() ? null : TraceCursor.decode(value, sort, descending);
  }

  /** A text filter, null when empty; matched literally, so only length and encoding are checked. */
  static String text(String name, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.length() > MAX_TEXT) {
      throw new InvalidRequestException(name + ": longer than " + MAX_TEXT + " characters");
    }
    // The URL decoder turns bytes that are not UTF-8 into U+FFFD: report them, never guess.
    if (value.indexOf('\uFFFD') >= 0) {
      throw new InvalidRequestException(name + ": not valid UTF-8 (percent-encode UTF-8 bytes)");
    }
    return value;
  }

  static String level(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String level = value.strip().toUpperCase(Locale.ROOT);
    if (!LEVELS.contains(level)) {
      throw new InvalidRequestException("level: must be one of DEBUG, DEFAULT, WARNING, ERROR");
    }
    return level;
  }

  static Boolean bool(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidRequestException(name + ": must be true or false");
    };
  }

  /** A non-negative amount (USD, ms). */
  static Double amount(String name, String value) {
    return number(name, value, 0, "a number from 0 to 1e9");
  }

  /** A score bound; scores may be negative. */
  static Double score(String name, String value) {
    return number(name, value, -1e9, "a number from -1e9 to 1e9");
  }

  static Integer version(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      int version = Integer.parseInt(value.strip());
      if (version >= 0) {
        return version;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidRequestException(name + ": must be a non-negative integer");
  }

  private static Double number(String name, String value, double least, String expected) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      double number = Double.parseDouble(value.strip());
      if (Double.isFinite(number) && number >= least && number < 1e9) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidRequestException(name + ": must be " + expected);
  }
}
