package dev.sightline.enrich.domain;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.encoding.ByteArrayInput;
import com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput;
import dev.sightline.schemas.sketch.LatencySketches;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Latency sketches of the aggregates, as defined once in {@link LatencySketches} (1% relative
 * accuracy, logarithmic mapping). Stores hold the library's compact encoding (it decodes without
 * protobuf); topics and ClickHouse get the protobuf form.
 */
public final class LatencySketch {

  /** Relative accuracy of every quantile read from the sketches. */
  public static final double RELATIVE_ACCURACY = LatencySketches.RELATIVE_ACCURACY;

  private LatencySketch() {}

  /** An empty sketch. */
  public static DDSketch empty() {
    return LatencySketches.empty();
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
      return DDSketch.decode(ByteArrayInput.wrap(bytes), LatencySketches.store());
    } catch (IOException e) {
      throw new UncheckedIOException("malformed latency sketch", e);
    }
  }

  /**
   * The DDSketch protobuf ({@code DDSketch} message of the DDSketch proto) of {@link #encode}
   * bytes: the form published and stored, readable by every DDSketch implementation.
   */
  public static byte[] toProtobuf(byte[] encoded) {
    return LatencySketches.toProtobuf(decode(encoded));
  }

  /** The sketch of both inputs' values. */
  public static byte[] merge(byte[] a, byte[] b) {
    DDSketch merged = decode(a);
    merged.mergeWith(decode(b));
    return encode(merged);
  }
}
