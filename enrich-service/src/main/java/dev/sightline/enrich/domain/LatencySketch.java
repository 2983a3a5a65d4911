package dev.sightline.enrich.domain;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import com.datadoghq.sketch.ddsketch.encoding.ByteArrayInput;
import com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput;
import com.datadoghq.sketch.ddsketch.store.CollapsingLowestDenseStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * Latency sketches of the aggregates: DDSketch with 1% relative accuracy and the logarithmic index
 * mapping. Every sketch uses the same mapping, so any two merge exactly and quantiles over many
 * windows keep the 1% bound. Stores hold the library's compact encoding (it decodes without
 * protobuf); topics and ClickHouse get the protobuf form.
 */
public final class LatencySketch {

  /** Relative accuracy of every quantile read from the sketches. */
  public static final double RELATIVE_ACCURACY = 0.01;

  // 2048 bins at 1% span ~35 orders of magnitude; only sub-microsecond bins could ever collapse.
  private static final int MAX_BINS = 2048;

  private LatencySketch() {}

  /** An empty sketch. */
  public static DDSketch empty() {
    return DDSketches.logarithmicCollapsingLowestDense(RELATIVE_ACCURACY, MAX_BINS);
  }

  /** The library's compact binary encoding, used inside the topology's stores. */
  public static byte[] encode(DDSketch sketch) {
    GrowingByteArrayOutput out = GrowingByteArrayOutput.withDefaultInitialCapacity();
    try {
      sketch.encode(out, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.trimmedCopy();
  }

  /** A sketch from {@link #encode} bytes; empty bytes are an empty sketch. */
  public static DDSketch decode(byte[] bytes) {
    if (bytes.length == 0) {
      return empty();
    }
    try {
      return DDSketch.decode(
          ByteArrayInput.wrap(bytes), () -> new CollapsingLowestDenseStore(MAX_BINS));
    } catch (IOException e) {
      throw new UncheckedIOException("malformed latency sketch", e);
    }
  }

  /**
   * The DDSketch protobuf ({@code DDSketch} message of the DDSketch proto) of {@link #encode}
   * bytes: the form published and stored, readable by every DDSketch implementation.
   */
  public static byte[] toProtobuf(byte[] encoded) {
    ByteBuffer buffer = decode(encoded).serialize();
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }

  /** The sketch of both inputs' values. */
  public static byte[] merge(byte[] a, byte[] b) {
    DDSketch merged = decode(a);
    merged.mergeWith(decode(b));
    return encode(merged);
  }
}
