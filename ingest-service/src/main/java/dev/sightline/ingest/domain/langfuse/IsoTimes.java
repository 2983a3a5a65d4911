package dev.sightline.ingest.domain.langfuse;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** ISO-8601 times as epoch microseconds; a time without an offset is taken as UTC. */
public final class IsoTimes {

  private IsoTimes() {}

  /** The time in epoch microseconds, or empty when the text is not an ISO-8601 time. */
  public static Optional<Long> micros(String iso) {
    Instant instant;
    try {
      instant = OffsetDateTime.parse(iso).toInstant();
    } catch (DateTimeParseException e) {
      try {
        instant = LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
    try {
      return Optional.of(ChronoUnit.MICROS.between(Instant.EPOCH, instant));
    } catch (ArithmeticException e) {
      // Beyond the year ~292,000 in microseconds: not a time we can store (found by fuzzing).
      return Optional.empty();
    }
  }
}
