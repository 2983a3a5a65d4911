package dev.sightline.query.domain.metrics;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketchProtoBinding;
import com.datadoghq.sketch.ddsketch.store.CollapsingLowestDenseStore;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Base64;

/**
 * Reads the latency sketches enrich-service stores (base64 of the DDSketch protobuf, 1% relative
 * accuracy, logarithmic mapping) and merges them, so quantiles over any span keep the 1% bound.
 */
public final class LatencySketches {

  /** Relative accuracy of every quantile read from the aggregates (enrich's LatencySketch). */
  public static final double RELATIVE_ACCURACY = 0.01;

  // Same store bound as enrich-service's LatencySketch, so decoding never collapses more than it.
  private static final int MAX_BINS = 2048;

  private static final double[] QUANTILES = {0.5, 0.95, 0.99};

  private LatencySketches() {}

  /** The sketch of one stored value; null for an empty value. */
  public static DDSketch decode(String base64) {
    if (base64 == null || base64.isEmpty()) {
      return null;
    }
    try {
      return DDSketchProtoBinding.fromProto(
          () -> new CollapsingLowestDenseStore(MAX_BINS),
          com.datadoghq.sketch.ddsketch.proto.DDSketch.parseFrom(
              Base64.getDecoder().decode(base64)));
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
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
    // Mappings are equal (all written by enrich with one mapping), so the merge is exact.
    into.mergeWith(other);
    return into;
  }

  /** p50, p95 and p99; nulls when the sketch holds no value. */
  public static Double[] quantiles(DDSketch sketch) {
    Double[] out = new Double[QUANTILES.length];
    if (sketch == null || sketch.isEmpty()) {
      return out;
    }
    for (int i = 0; i < QUANTILES.length; i++) {
      out[i] = sketch.getValueAtQuantile(QUANTILES[i]);
    }
    return out;
  }
}
