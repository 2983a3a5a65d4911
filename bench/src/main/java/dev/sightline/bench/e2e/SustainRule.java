package dev.sightline.bench.e2e;

import java.util.List;
import java.util.Locale;

/**
 * Whether the stack kept up with a step: ingest acked (nearly) everything on schedule without
 * errors, the backlog did not grow during the second half of the step, it drained afterwards, and
 * (nearly) every acked span became a stored row.
 */
final class SustainRule {

  /** Ingest must ack at least this share of the offered rate (over the wall-clock time). */
  static final double MIN_ACKED_SHARE = 0.95;

  /**
   * Largest backlog growth (records/s, least-squares slope over the second half of the step) as a
   * share of the offered spans/s. The sink flushes every 500 ms or 5,000 rows, so the backlog is a
   * sawtooth of about half a second of traffic; over 10 s that alone tilts a fitted line by a few
   * percent of the rate.
   */
  static final double MAX_LAG_GROWTH_SHARE = 0.05;

  /** Share of acked spans that must be stored once the backlog drained. */
  static final double MIN_STORED_SHARE = 0.99;

  /**
   * The verdict and, when not sustained, why.
   *
   * @param sustained whether the step counts
   * @param reason what failed first, or "ok"
   */
  record Verdict(boolean sustained, String reason) {}

  private SustainRule() {}

  static Verdict judge(StepResult s) {
    if (s.errors() > 0) {
      return no("%d errors", s.errors());
    }
    double acked = s.ackedSpansPerSecond();
    if (acked < MIN_ACKED_SHARE * s.offeredSpansPerSecond()) {
      return no("ingest acked %,.0f of %,.0f spans/s", acked, s.offeredSpansPerSecond());
    }
    double growth = lagGrowthPerSecond(s.lag());
    if (growth > MAX_LAG_GROWTH_SHARE * s.offeredSpansPerSecond()) {
      return no("backlog grew %,.0f records/s", growth);
    }
    if (Double.isNaN(s.drainSeconds())) {
      return no("backlog did not drain after the step");
    }
    if (s.storedAfterDrain() >= 0 && s.storedAfterDrain() < MIN_STORED_SHARE * s.ackedSpans()) {
      return no("%,d of %,d acked spans stored", s.storedAfterDrain(), s.ackedSpans());
    }
    return new Verdict(true, "ok");
  }

  /** Least-squares slope of the samples in the second half of the load, records per second. */
  static double lagGrowthPerSecond(List<LagSample> lag) {
    if (lag.size() < 2) {
      return 0;
    }
    double half = lag.get(lag.size() - 1).seconds() / 2;
    List<LagSample> tail = lag.stream().filter(l -> l.seconds() >= half).toList();
    if (tail.size() < 2) {
      tail = lag.subList(lag.size() - 2, lag.size());
    }
    double mt = tail.stream().mapToDouble(LagSample::seconds).average().orElse(0);
    double ml = tail.stream().mapToDouble(LagSample::records).average().orElse(0);
    double num = 0;
    double den = 0;
    for (LagSample l : tail) {
      num += (l.seconds() - mt) * (l.records() - ml);
      den += (l.seconds() - mt) * (l.seconds() - mt);
    }
    return den == 0 ? 0 : num / den;
  }

  private static Verdict no(String format, Object... args) {
    return new Verdict(false, String.format(Locale.ROOT, format, args));
  }
}
