package dev.sightline.query.api;

import dev.sightline.query.domain.InvalidRequestException;
import java.time.Duration;
import java.time.Instant;

/**
 * The optional time range of the session and user views: {@code to} defaults to now, {@code from}
 * to {@link #DEFAULT_SPAN} before {@code to} (shortened to the allowed range), so a view never
 * scans more than {@code sightline.query.max-range}.
 */
record ActivityRange(Instant from, Instant to) {

  static final Duration DEFAULT_SPAN = Duration.ofDays(30);

  static ActivityRange parse(String rawFrom, String rawTo, Duration maxRange, Instant now) {
    Instant to = blank(rawTo) ? now : SearchParams.instant("to", rawTo);
    Duration span = DEFAULT_SPAN.compareTo(maxRange) > 0 ? maxRange : DEFAULT_SPAN;
    Instant from = blank(rawFrom) ? to.minus(span) : SearchParams.instant("from", rawFrom);
    SearchParams.range(from, to, maxRange);
    return new ActivityRange(from, to);
  }

  /** A session or user id from the path: non-empty, and checked like a text filter. */
  static String id(String name, String value) {
    String id = SearchParams.text(name, value);
    if (id == null) {
      throw new InvalidRequestException(name + ": must not be empty");
    }
    return id;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
