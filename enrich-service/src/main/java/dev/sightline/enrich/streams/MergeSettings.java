package dev.sightline.enrich.streams;

import java.time.Duration;

/**
 * How the topology merges events and windows aggregates.
 *
 * @param grace how long an update without its create is held back waiting for it; events of an
 *     observation arriving later than this after its first event are counted as late
 * @param waitForEnd how long an observation without an end time waits before it is counted in the
 *     aggregates with what is known
 * @param retention how long merge state is kept after an observation's or trace's latest event
 * @param aggregateGrace how long a 1-minute aggregate window accepts observations after it ended
 * @param punctuateInterval how often timers are checked
 */
public record MergeSettings(
    Duration grace,
    Duration waitForEnd,
    Duration retention,
    Duration aggregateGrace,
    Duration punctuateInterval) {

  /** The defaults of the configuration keys. */
  public static MergeSettings defaults() {
    return new MergeSettings(
        Duration.ofSeconds(30),
        Duration.ofMinutes(5),
        Duration.ofDays(7),
        Duration.ofHours(24),
        Duration.ofSeconds(1));
  }
}
