package dev.sightline.ingest.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.schemas.avro.EventKind;
import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.avro.TracePayload;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventPublisherTest {

  @Test
  void failsWithinTheAckTimeoutWhenNoBrokerListens() {
    IngestEvent event =
        IngestEvent.newBuilder()
            .setEventId("e1")
            .setProjectId("p1")
            .setReceivedAtMicros(1L)
            .setKind(EventKind.TRACE)
            .setPayload(TracePayload.newBuilder().setTraceId("t1").setTimestampMicros(1L).build())
            .build();
    // Port 1 on loopback: connection refused, the same as a broker that is down.
    try (EventPublisher publisher =
        new EventPublisher("127.0.0.1:1", Duration.ofSeconds(1), Duration.ofMillis(5), "lz4")) {
      long start = System.nanoTime();

      assertThatThrownBy(() -> publisher.publishAll(List.of(event, event, event)))
          .isInstanceOfSatisfying(
              PublishFailure.class, f -> assertThat(f.recordTooLarge()).isFalse())
          .hasMessageContaining("did not acknowledge");
      // Far below Kafka's own 60 s metadata wait and 120 s delivery timeout: what matters is that
      // the ack timeout bounds the wait, not how fast a loaded 2-core machine gets there.
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }
  }
}
