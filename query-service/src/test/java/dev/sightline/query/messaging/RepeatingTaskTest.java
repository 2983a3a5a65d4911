package dev.sightline.query.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RepeatingTaskTest {

  @Test
  void keepsRunningAfterAFailedRunAndReportsTheFailure() {
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    AtomicInteger runs = new AtomicInteger();
    List<RuntimeException> failures = new CopyOnWriteArrayList<>();
    try {
      RepeatingTask.schedule(
          timer,
          Duration.ofMillis(10),
          () -> {
            if (runs.incrementAndGet() == 1) {
              throw new IllegalStateException("broker down");
            }
          },
          failures::add);

      await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 3);
    } finally {
      timer.shutdownNow();
    }
    assertThat(failures).singleElement().extracting(Throwable::getMessage).isEqualTo("broker down");
  }
}
