package dev.sightline.query.domain.metrics;

import com.datadoghq.sketch.ddsketch.DDSketch;
import java.util.Base64;

/**
 * Merges the latency sketches of the aggregates (defined once in {@link
 * dev.sightline.schemas.sketch.LatencySketches}: 1% relative accuracy, logarithmic mapping), so
 * quantiles over any span keep the 1% bound. Windows stored since migration 0004 arrive as bins
 * already summed by ClickHouse; older windows still carry the base64 protobuf, decoded here.
 */
public final class LatencySketches {

  /** Relative accuracy of every quantile read from the aggregates. */
  public static final double RELATIVE_ACCURACY =
      dev.sightline.schemas.sketch.LatencySketches.RELATIVE_ACCURACY;

  private LatencySketches() {}

  /** The sketch of one stored base64 protobuf value (a window older than 0004); null if empty. */
  public static DDSketch decode(String base64) {
    if (base64 == null || base64.isEmpty()) {
      return null;
    }
    try {
      return dev.sightline.schemas.sketch.LatencySketches.fromProtobuf(
          Base64.getDecoder().decode(base64));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("malformed latency sketch in observation_aggregates", e);
    }
  }

  /** Both sketches' values in one; either may be null (nothing). */
  public static DDSketch merge(DDSketch into, DDSketch other) {
    if (other == null) {
      return into;
    }
    if (into == null) {
      return other.copy();
    }
    // Mappings are equal (all written with one mapping), so the merge is exact.
    into.mergeWith(other);
    return into;
  }

  /** p50, p95 and p99; nulls when the sketch holds no value. */
  public static Double[] quantiles(DDSketch sketch) {
    return dev.sightline.schemas.sketch.LatencySketches.quantiles(sketch);
  }
}
