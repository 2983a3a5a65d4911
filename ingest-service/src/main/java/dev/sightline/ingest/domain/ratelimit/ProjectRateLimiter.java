package dev.sightline.ingest.domain.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per project (events per second, with a burst), so one noisy project cannot slow
 * the others. Buckets are locked one by one: there is no lock shared between projects.
 */
public final class ProjectRateLimiter {

  private final double eventsPerSecond;
  private final double burst;
  private final LongSupplier nanoClock;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  /** A limiter on the system clock; {@code eventsPerSecond <= 0} disables it. */
  public ProjectRateLimiter(double eventsPerSecond, double burst) {
    this(eventsPerSecond, burst, System::nanoTime);
  }

  /** A limiter on a chosen clock (tests). */
  public ProjectRateLimiter(double eventsPerSecond, double burst, LongSupplier nanoClock) {
    this.eventsPerSecond = eventsPerSecond;
    this.burst = Math.max(burst, 1);
    this.nanoClock = nanoClock;
  }

  /**
   * Takes {@code events} from the project's bucket.
   *
   * @return 0 when allowed, else the whole seconds (at least 1) the client should wait
   */
  public long acquire(String projectId, int events) {
    if (eventsPerSecond <= 0 || events <= 0) {
      return 0;
    }
    long now = nanoClock.getAsLong();
    TokenBucket bucket =
        buckets.computeIfAbsent(projectId, p -> new TokenBucket(eventsPerSecond, burst, now));
    long waitNanos = bucket.take(events, now);
    return waitNanos == 0 ? 0 : Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
  }
}
