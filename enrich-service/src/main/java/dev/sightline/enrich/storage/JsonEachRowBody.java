package dev.sightline.enrich.storage;

import java.util.ArrayList;
import java.util.List;

/**
 * The body of one {@code INSERT … FORMAT JSONEachRow}: row objects, one per line, kept in chunks of
 * {@link #CHUNK_BYTES} and sent as they are.
 *
 * <p>Why chunks: a sink batch of 5,000 observations is about 11 MB. Built in one growing array, it
 * was copied at 2, 4, 8 and 16 MB and once more to hand it on, and each of those arrays was a G1
 * humongous object (half a region or more, 2 MiB with enrich's 4 MiB regions). Humongous
 * allocations start a concurrent mark cycle: in enrich's GC log at 4,000–5,000 spans/s, 238 of
 * about 800 young pauses were "Concurrent Start (G1 Humongous Allocation)", each followed by mixed
 * collections. Chunks far below any region size are ordinary young objects, nothing is copied to
 * send them, and a retry sends the same chunks again.
 */
final class JsonEachRowBody {

  /** Bytes per chunk: a quarter of the smallest G1 region (1 MiB), never humongous. */
  static final int CHUNK_BYTES = 256 * 1024;

  private final List<byte[]> full = new ArrayList<>();
  private byte[] current = new byte[CHUNK_BYTES];
  private int used;

  /** Appends one row object (without its newline). */
  JsonEachRowBody add(byte[] row) {
    int from = 0;
    while (from < row.length) {
      int n = Math.min(row.length - from, CHUNK_BYTES - used);
      System.arraycopy(row, from, current, used, n);
      from += n;
      advance(n);
    }
    current[used] = '\n';
    advance(1);
    return this;
  }

  private void advance(int n) {
    used += n;
    if (used == CHUNK_BYTES) {
      full.add(current);
      current = new byte[CHUNK_BYTES];
      used = 0;
    }
  }

  /** The body so far, in order; the last chunk is cut to its length. */
  List<byte[]> chunks() {
    List<byte[]> out = new ArrayList<>(full.size() + 1);
    out.addAll(full);
    if (used > 0) {
      byte[] last = new byte[used];
      System.arraycopy(current, 0, last, 0, used);
      out.add(last);
    }
    return out;
  }
}
