package dev.sightline.ingest.domain.ratelimit;

/**
 * One project's bucket: refills at {@code ratePerSecond} up to {@code burst}; locked per project.
 */
final class TokenBucket {

  private final double ratePerNano;
  private final double burst;
  private double tokens;
  private long lastNanos;

  TokenBucket(double ratePerSecond, double burst, long nowNanos) {
    this.ratePerNano = ratePerSecond / 1e9;
    this.burst = burst;
    this.tokens = burst;
    this.lastNanos = nowNanos;
  }

  /**
   * Takes {@code n} tokens, or none.
   *
   * @return 0 when taken, else the nanoseconds until enough tokens are there
   */
  synchronized long take(long n, long nowNanos) {
    tokens = Math.min(burst, tokens + (nowNanos - lastNanos) * ratePerNano);
    lastNanos = nowNanos;
    // A request larger than the burst passes on a full bucket and leaves a debt, so it is not
    // refused forever; the debt delays the next requests instead.
    double needed = Math.min(n, burst);
    if (tokens >= needed) {
      tokens -= n;
      return 0;
    }
    return (long) Math.ceil((needed - tokens) / ratePerNano);
  }
}
