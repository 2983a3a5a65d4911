package dev.sightline.query.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The compaction lock against the real PostgreSQL, as two replicas would take it. */
@QuarkusTest
class CompactionLockTest {

  @Inject CompactionLock lock;

  @Test
  void aSecondHolderIsRefusedWhileTheFirstRunsAndServedAfterwards() {
    // The nested call takes another pooled connection: another PostgreSQL session, like a replica.
    Optional<Optional<String>> nested = lock.tryRun(() -> lock.tryRun(() -> "second"));

    assertThat(nested).contains(Optional.empty());
    assertThat(lock.tryRun(() -> "after")).contains("after");
  }
}
