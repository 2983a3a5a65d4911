package dev.sightline.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void everyTopicHasAUniqueVersionedName() {
    Set<String> names = new HashSet<>();
    for (Topic<?, ?> t : Topics.all()) {
      assertThat(names.add(t.name())).as("duplicate %s", t.name()).isTrue();
      assertThat(t.name()).startsWith("sightline.").matches(".*\\.v\\d+$");
      assertThat(t.partitions()).isPositive();
    }
  }

  @Test
  void theKeysTopicIsCompactedSoTheLatestKeyStateWins() {
    assertThat(Topics.API_KEYS.compacted()).isTrue();
    assertThat(Topics.INGEST_EVENTS.compacted()).isFalse();
  }

  @Test
  void eventsOfOneTraceShareAKey() {
    assertThat(Topics.traceKey("p", "t")).isEqualTo(Topics.traceKey("p", "t")).isEqualTo("p/t");
  }
}
