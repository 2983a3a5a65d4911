package dev.sightline.query.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.schemas.avro.ApiKeyRecord;
import dev.sightline.schemas.topics.Topics;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AckedProducerTest {

  @Test
  void failsWithinItsTimeoutWhenNoBrokerAnswersInsteadOfBlockingTheAdminRequest() {
    ApiKeyRecord record =
        ApiKeyRecord.newBuilder()
            .setPublicKey("pk-x")
            .setProjectId("proj_x")
            .setSecretSha256("0".repeat(64))
            .setUpdatedAtMicros(1)
            .build();
    long started = System.nanoTime();
    // Port 1 on loopback: nothing listens, so metadata never arrives.
    try (AckedProducer<String, ApiKeyRecord> producer =
        new AckedProducer<>(Topics.API_KEYS, "127.0.0.1:1", Duration.ofMillis(500))) {
      assertThatThrownBy(() -> producer.sendAll(Map.of("pk-x", record), Duration.ofSeconds(1)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("is the broker up?");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
  }
}
