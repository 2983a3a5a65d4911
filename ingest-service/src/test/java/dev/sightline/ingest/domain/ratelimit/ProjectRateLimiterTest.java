package dev.sightline.ingest.domain.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProjectRateLimiterTest {

  private final AtomicLong clock = new AtomicLong(0);
  private final ProjectRateLimiter limiter = new ProjectRateLimiter(100, 200, clock::get);

  @Test
  void limitsAProjectOverItsBurstWhileAnotherProjectIsUnaffected() {
    assertThat(limiter.acquire("a", 200)).isZero();

    assertThat(limiter.acquire("a", 50)).isEqualTo(1); // 50 events at 100/s: under a second
    assertThat(limiter.acquire("b", 200)).isZero();
  }

  @Test
  void tellsHowManyWholeSecondsUntilTheRequestFits() {
    limiter.acquire("a", 200);

    assertThat(limiter.acquire("a", 150)).isEqualTo(2); // 150 tokens at 100/s = 1.5 s → 2
  }

  @Test
  void refillsAtTheConfiguredRate() {
    limiter.acquire("a", 200);
    clock.addAndGet(1_000_000_000L); // one second: 100 tokens back

    assertThat(limiter.acquire("a", 100)).isZero();
    assertThat(limiter.acquire("a", 1)).isEqualTo(1);
  }

  @Test
  void letsARequestLargerThanTheBurstPassOnAFullBucketAndChargesTheDebt() {
    assertThat(limiter.acquire("a", 500)).isZero();
    clock.addAndGet(2_000_000_000L); // 200 tokens refilled, debt of 300 → still -100

    assertThat(limiter.acquire("a", 1)).isEqualTo(2);
  }

  @Test
  void aZeroRateDisablesTheLimit() {
    ProjectRateLimiter off = new ProjectRateLimiter(0, 0, clock::get);

    assertThat(off.acquire("a", 1_000_000)).isZero();
    assertThat(off.acquire("a", 1_000_000)).isZero();
  }
}
