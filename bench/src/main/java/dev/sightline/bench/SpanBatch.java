package dev.sightline.bench;

/**
 * One pre-serialized OTLP protobuf request and where its ids sit in the bytes.
 *
 * @param body the serialized {@code ExportTraceServiceRequest}
 * @param spans number of spans in it
 * @param traceIdOffsets offsets of every 16-byte trace id (one per span)
 * @param spanIdOffsets offsets of every 8-byte span id and parent span id
 */
record SpanBatch(byte[] body, int spans, int[] traceIdOffsets, int[] spanIdOffsets) {

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
