package dev.sightline.query.api;

import dev.sightline.query.domain.InvalidRequestException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** The required, bounded {@code from}/{@code to} range every read endpoint shares. */
final class RangeParams {

  static final int MAX_TEXT = 1000;

  private RangeParams() {}

  /** {@code [from, to)} as instants; missing, unordered or longer than maxRange is a 400. */
  static Instant[] range(String fromText, String toText, Duration maxRange) {
    Instant from = instant("from", fromText);
    Instant to = instant("to", toText);
    if (!from.isBefore(to)) {
      throw new InvalidRequestException("from: must be before to");
    }
    if (Duration.between(from, to).compareTo(maxRange) > 0) {
      throw new InvalidRequestException(
          "to: the range from..to is longer than the allowed " + maxRange + "; narrow it");
    }
    return new Instant[] {from, to};
  }

  /** Null for absent or empty text; longer than {@link #MAX_TEXT} characters is a 400. */
  static String text(String name, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.length() > MAX_TEXT) {
      throw new InvalidRequestException(name + ": longer than " + MAX_TEXT + " characters");
    }
    return value;
  }

  private static Instant instant(String name, String value) {
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
}
