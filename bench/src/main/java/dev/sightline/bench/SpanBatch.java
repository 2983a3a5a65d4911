package dev.sightline.bench;

import java.util.HexFormat;

/**
 * One pre-serialized OTLP protobuf request and where its ids sit in the bytes.
 *
 * @param body the serialized {@code ExportTraceServiceRequest}
 * @param spans number of spans in it
 * @param traceIdOffsets offsets of every 16-byte trace id (one per span)
 * @param spanIdOffsets offsets of every 8-byte span id and parent span id
 */
public record SpanBatch(byte[] body, int spans, int[] traceIdOffsets, int[] spanIdOffsets) {

  /** How many leading trace id bytes a prefix may set: the per-request XOR starts at byte 8. */
  public static final int MAX_TRACE_PREFIX = 8;

  /**
   * A copy whose trace ids all start with {@code prefix}, so a run's (or a step's) rows form one
   * contiguous trace id range in ClickHouse's ordering key; per-request ids stay distinct.
   */
  public SpanBatch withTracePrefix(byte[] prefix) {
    if (prefix.length > MAX_TRACE_PREFIX) {
      throw new IllegalArgumentException("a trace id prefix has at most 8 bytes");
    }
    byte[] copy = body.clone();
    for (int offset : traceIdOffsets) {
      System.arraycopy(prefix, 0, copy, offset, prefix.length);
    }
    return new SpanBatch(copy, spans, traceIdOffsets, spanIdOffsets);
  }

  /** The lower-case hex trace id of the first span in {@code sent}, a body this batch produced. */
  public String firstTraceIdHex(byte[] sent) {
    return HexFormat.of().formatHex(sent, traceIdOffsets[0], traceIdOffsets[0] + 16);
  }

  /**
   * Copies the body into {@code target} and XORs {@code seq} into every id, so each send carries
   * fresh trace and span ids while parent links stay consistent; returns the body length.
   */
  int copyWithFreshIds(byte[] target, long seq) {
    System.arraycopy(body, 0, target, 0, body.length);
    for (int offset : traceIdOffsets) {
      xor(target, offset + 8, seq);
    }
    for (int offset : spanIdOffsets) {
      xor(target, offset, seq);
    }
    return body.length;
  }

  private static void xor(byte[] bytes, int offset, long seq) {
    for (int i = 0; i < 8; i++) {
      bytes[offset + i] ^= (byte) (seq >>> (8 * i));
    }
  }
}
