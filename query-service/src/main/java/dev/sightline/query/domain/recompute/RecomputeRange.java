package dev.sightline.query.domain.recompute;

import dev.sightline.query.domain.InvalidRequestException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The range of a recompute, {@code [from, to)} on the observation start time, bounded in length.
 *
 * @param from inclusive
 * @param to exclusive, after {@code from}
 */
public record RecomputeRange(Instant from, Instant to) {

  /**
   * The validated range; a 400 names the first bad field.
   *
   * @param maxLength the longest range allowed (config {@code sightline.recompute.max-range})
   */
  public static RecomputeRange of(String from, String to, Duration maxLength) {
    Instant start = instant("from", from);
    Instant end = instant("to", to);
    if (!end.isAfter(start)) {
      throw new InvalidRequestException("to: must be after from");
    }
    if (Duration.between(start, end).compareTo(maxLength) > 0) {
      throw new InvalidRequestException(
          "to: the range may span at most "
              + maxLength
              + " (sightline.recompute.max-range); split it into several recomputes");
    }
    return new RecomputeRange(start, end);
  }

  private static Instant instant(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidRequestException(field + ": required, ISO-8601 with an offset");
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(
          field + ": not an ISO-8601 time with an offset, e.g. 2026-11-28T00:00:00Z");
    }
  }
}
