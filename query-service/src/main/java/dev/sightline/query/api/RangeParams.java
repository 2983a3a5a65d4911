package dev.sightline.query.api;

import java.time.Duration;
import java.time.Instant;

/** The required, bounded {@code from}/{@code to} range every read endpoint shares. */
final class RangeParams {

  private RangeParams() {}

  /** {@code [from, to)} as instants; missing, unordered or longer than maxRange is a 400. */
  static Instant[] range(String fromText, String toText, Duration maxRange) {
    Instant from = SearchParams.instant("from", fromText);
    Instant to = SearchParams.instant("to", toText);
    SearchParams.range(from, to, maxRange);
    return new Instant[] {from, to};
  }

  /** A text filter as every search reads it (see {@link SearchParams#text}). */
  static String text(String name, String value) {
    return SearchParams.text(name, value);
  }
}
