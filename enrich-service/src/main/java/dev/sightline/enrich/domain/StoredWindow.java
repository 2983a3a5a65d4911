package dev.sightline.enrich.domain;

import dev.sightline.schemas.avro.ObservationAggregate;

/**
 * A window as stored in ClickHouse.
 *
 * @param counters its identity and counters; its {@code latencySketch} is not used
 * @param sketchProtobuf the stored latency sketch, DDSketch protobuf bytes
 */
public record StoredWindow(ObservationAggregate counters, byte[] sketchProtobuf) {

  /** The identity of the window, as {@link WindowRebuild#key}. */
  public String key() {
    return WindowRebuild.key(counters);
  }
}
