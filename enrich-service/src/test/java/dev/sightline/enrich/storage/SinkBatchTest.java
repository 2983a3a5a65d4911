package dev.sightline.enrich.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class SinkBatchTest {

  private final TopicPartition p0 = new TopicPartition("topic", 0);

  @Test
  void commitsTheOffsetAfterTheLastRecordOfEachPartition() {
    SinkBatch batch = new SinkBatch();
    batch.add(row("traces", "a"), p0, 7);
    batch.consumed(p0, 8);

    assertThat(batch.offsets()).containsEntry(p0, new OffsetAndMetadata(9));
    assertThat(batch.rows()).isEqualTo(1);
  }

  @Test
  void aTableAcknowledgedByClickHouseIsNotSentAgainOnRetry() {
    SinkBatch batch = new SinkBatch();
    batch.add(row("traces", "a"), p0, 0);
    batch.add(row("scores", "b"), p0, 1);
    batch.add(row("traces", "c"), p0, 2);

    assertThat(JsonEachRowBodyTest.text(batch.pendingTables().get("traces")))
        .isEqualTo("{\"id\":\"a\"}\n{\"id\":\"c\"}\n");
    batch.inserted("traces");

    assertThat(batch.pendingTables()).containsOnlyKeys("scores");
    assertThat(batch.isEmpty()).isFalse();
    batch.clear();
    assertThat(batch.isEmpty()).isTrue();
    assertThat(batch.pendingTables()).isEmpty();
  }

  private static TableRow row(String table, String id) {
    return new TableRow(table, ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
  }
}
