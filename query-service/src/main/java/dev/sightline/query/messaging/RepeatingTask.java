package dev.sightline.query.messaging;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Schedules work at a fixed delay so that one failed run never cancels the later ones. */
final class RepeatingTask {

  private RepeatingTask() {}

  /**
   * Runs {@code work} every {@code interval} (first after one interval) on {@code timer}.
   *
   * @param onFailure told about each failed run; the schedule goes on
   */
  static ScheduledFuture<?> schedule(
      ScheduledExecutorService timer,
      Duration interval,
      Runnable work,
      Consumer<RuntimeException> onFailure) {
    long ms = interval.toMillis();
    // A task that throws is silently never run again by the executor, so every run is guarded.
    return timer.scheduleWithFixedDelay(
        () -> {
          try {
            work.run();
          } catch (RuntimeException e) {
            onFailure.accept(e);
          }
        },
        ms,
        ms,
        TimeUnit.MILLISECONDS);
  }
}
