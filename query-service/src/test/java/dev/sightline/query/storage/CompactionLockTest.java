package dev.sightline.query.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.clickhouse.ClickHouseClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The compaction lock against the real PostgreSQL, as two replicas would take it. */
@QuarkusTest
class CompactionLockTest {

  @Inject CompactionLock lock;
  @Inject PartitionCompactor compactor;
  @Inject ClickHouseClient clickHouse;

  @Test
  void aSecondHolderIsRefusedWhileTheFirstRunsAndServedAfterwards() {
    // The nested call takes another pooled connection: another PostgreSQL session, like a replica.
    Optional<Optional<String>> nested = lock.tryRun(() -> lock.tryRun(() -> "second"));

    assertThat(nested).contains(Optional.empty());
    assertThat(lock.tryRun(() -> "after")).contains("after");
  }

  @Test
  void theCompactorDoesNothingWhileAnotherReplicaHoldsTheLock() {
    // A new part in a closed day: work for the compactor.
    String day = LocalDate.now(ZoneOffset.UTC).minusDays(9).toString();
    clickHouse.insertJsonEachRow(
        "observation_aggregates",
        ("{\"project_id\":\"proj_lock\",\"window_date\":\"%s\",\"window_start\":\"%s 10:00:00\","
                + "\"window_end\":\"%s 10:01:00\",\"count\":1,\"version\":1}")
            .formatted(day, day, day)
            .getBytes(StandardCharsets.UTF_8));
    Instant now = Instant.now();

    Optional<List<String>> whileHeld = lock.tryRun(() -> compactor.run(now));

    assertThat(whileHeld).contains(List.of());
    assertThat(compactor.run(now)).contains("observation_aggregates/" + day);
  }
}
