package dev.sightline.schemas.sketch;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketchProtoBinding;
import com.datadoghq.sketch.ddsketch.DDSketches;
import com.datadoghq.sketch.ddsketch.store.Bin;
import com.datadoghq.sketch.ddsketch.store.CollapsingLowestDenseStore;
import com.datadoghq.sketch.ddsketch.store.Store;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.function.Supplier;

/**
 * The one definition of Sightline's latency sketches, shared by enrich-service (which builds them),
 * query-service (which merges them) and the benchmarks (which load them): DDSketch with 1 %
 * relative accuracy and the logarithmic index mapping. Every sketch uses the same mapping, so any
 * two merge exactly and quantiles over any number of windows keep the 1 % bound.
 */
public final class LatencySketches {

  /** Relative accuracy of every quantile read from the sketches. */
  public static final double RELATIVE_ACCURACY = 0.01;

  // 2048 bins at 1 % span ~35 orders of magnitude; only sub-microsecond bins could ever collapse.
  private static final int MAX_BINS = 2048;

  private static final double[] QUANTILES = {0.5, 0.95, 0.99};

  private LatencySketches() {}

  /** An empty sketch. */
  public static DDSketch empty() {
    return DDSketches.logarithmicCollapsingLowestDense(RELATIVE_ACCURACY, MAX_BINS);
  }

  /** The store every sketch uses, for decoders that need a supplier. */
  public static Supplier<Store> store() {
    return () -> new CollapsingLowestDenseStore(MAX_BINS);
  }

  /** The DDSketch protobuf message of a sketch: the form topics carry. */
  public static byte[] toProtobuf(DDSketch sketch) {
    ByteBuffer buffer = sketch.serialize();
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }

  /** The sketch of a DDSketch protobuf message ({@link #toProtobuf}); empty bytes are empty. */
  public static DDSketch fromProtobuf(byte[] bytes) {
    if (bytes.length == 0) {
      return empty();
    }
    try {
      return DDSketchProtoBinding.fromProto(
          store(), com.datadoghq.sketch.ddsketch.proto.DDSketch.parseFrom(bytes));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("malformed DDSketch protobuf", e);
    }
  }

  /**
   * The sketch's bins. Latencies are never negative, so the negative store is not carried; a sketch
   * holding negative values is refused rather than silently losing them.
   */
  public static LatencyBins bins(DDSketch sketch) {
    if (!sketch.getNegativeValueStore().isEmpty()) {
      throw new IllegalArgumentException("a latency sketch holds negative values");
    }
    Store positive = sketch.getPositiveValueStore();
    int size = 0;
    for (Iterator<Bin> it = positive.getAscendingIterator(); it.hasNext(); it.next()) {
      size++;
    }
    int[] indexes = new int[size];
    double[] counts = new double[size];
    int i = 0;
    for (Iterator<Bin> it = positive.getAscendingIterator(); it.hasNext(); i++) {
      Bin bin = it.next();
      indexes[i] = bin.getIndex();
      counts[i] = bin.getCount();
    }
    return new LatencyBins(indexes, counts, sketch.getCount() - positive.getTotalCount());
  }

  /** The sketch of some bins (of one sketch, or summed by index over many). */
  public static DDSketch fromBins(LatencyBins bins) {
    DDSketch sketch = empty();
    Store positive = sketch.getPositiveValueStore();
    for (int i = 0; i < bins.indexes().length; i++) {
      if (bins.counts()[i] > 0) {
        positive.add(bins.indexes()[i], bins.counts()[i]);
      }
    }
    if (bins.zeroCount() > 0) {
      // Zero is below the smallest indexable value, so DDSketch counts it as a zero.
      sketch.accept(0.0, bins.zeroCount());
    }
    return sketch;
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
