package dev.sightline.eval.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Time in the unit of the Avro model: microseconds since the epoch. */
public final class EpochMicros {

  private EpochMicros() {}

  /** The clock's current instant in epoch microseconds. */
  public static long now(Clock clock) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
  }
}
