package dev.sightline.enrich.domain;

import dev.sightline.schemas.avro.ObservationPayload;

/**
 * An observation as stored, with what a recompute needs: its payload (identity, usage, grouping
 * fields), its latency and its stored cost.
 *
 * @param observation the stored fields; {@code startTimeMicros} is the row's start (its window)
 * @param priceAtMicros the time its price is chosen for (the reported start, as the live path)
 * @param latencyMs the stored latency, or null
 * @param cost the stored cost, its source, note and price version
 */
public record StoredObservation(
    ObservationPayload observation, long priceAtMicros, Double latencyMs, CostResult cost) {

  /** The same observation with another cost. */
  public StoredObservation withCost(CostResult newCost) {
    return new StoredObservation(observation, priceAtMicros, latencyMs, newCost);
  }
}
