package dev.sightline.bench.e2e;

import java.util.HexFormat;

/**
 * A trace id prefix and the contiguous range of the {@code trace_id} column it selects. The tables
 * are ordered by {@code (project_id, trace_id, …)}, so counting a range reads only its granules.
 *
 * @param prefix the leading trace id bytes every span of the range carries
 */
record TraceRange(byte[] prefix) {

  /** The range of one phase: the run's 3 bytes, then the phase number. */
  static TraceRange of(byte[] run, int phase) {
    byte[] p = new byte[run.length + 1];
    System.arraycopy(run, 0, p, 0, run.length);
    p[run.length] = (byte) phase;
    return new TraceRange(p);
  }

  /** Lower-case hex, the form ingest stores trace ids in. */
  String hex() {
    return HexFormat.of().formatHex(prefix);
  }

  /** SQL condition on {@code trace_id}; '~' sorts after every hex digit, so the range is exact. */
  String sql() {
    return "trace_id >= '" + hex() + "' AND trace_id < '" + hex() + "~'";
  }
}
