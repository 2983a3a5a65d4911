package dev.sightline.enrich.streams;

import dev.sightline.enrich.domain.ObservationEnricher;
import dev.sightline.schemas.avro.DeadLetter;
import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.avro.ScorePayload;
import dev.sightline.schemas.avro.TracePayload;
import dev.sightline.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Decodes raw ingest records in the topology, so a poison record becomes a dead letter (with its
 * source position) instead of stopping the stream.
 */
final class DecodeProcessor implements Processor<String, byte[], String, Decoded> {

  private final Deserializer<IngestEvent> deserializer =
      Topics.INGEST_EVENTS.valueSerde().deserializer();
  private final Clock clock;
  private ProcessorContext<String, Decoded> context;

  DecodeProcessor(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void init(ProcessorContext<String, Decoded> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, byte[]> record) {
    String problem;
    IngestEvent event = null;
    try {
      event =
          record.value() == null
              ? null
              : deserializer.deserialize(Topics.INGEST_EVENTS.name(), record.value());
      problem = event == null ? "null value" : inconsistency(event);
    } catch (RuntimeException e) {
      problem = "undecodable IngestEvent: " + e.getMessage();
    }
    Decoded out =
        problem == null ? new Decoded(event, null) : new Decoded(null, deadLetter(record, problem));
    context.forward(record.withValue(out));
  }

  /** Why a decoded event cannot be routed, or null when kind and payload agree. */
  private static String inconsistency(IngestEvent event) {
    Object payload = event.getPayload();
    boolean matches =
        switch (event.getKind()) {
          case TRACE -> payload instanceof TracePayload;
          case OBSERVATION -> payload instanceof ObservationPayload;
          case SCORE -> payload instanceof ScorePayload;
        };
    return matches
        ? null
        : "kind " + event.getKind() + " with payload " + payload.getClass().getSimpleName();
  }

  private DeadLetter deadLetter(Record<String, byte[]> record, String reason) {
    RecordMetadata meta = context.recordMetadata().orElse(null);
    return DeadLetter.newBuilder()
        .setSourceTopic(meta == null ? Topics.INGEST_EVENTS.name() : meta.topic())
        .setPartition(meta == null ? -1 : meta.partition())
        .setOffset(meta == null ? -1 : meta.offset())
        .setReason(reason)
        .setKey(
            record.key() == null
                ? null
                : ByteBuffer.wrap(record.key().getBytes(StandardCharsets.UTF_8)))
        .setValue(record.value() == null ? null : ByteBuffer.wrap(record.value()))
        .setFailedAtMicros(ObservationEnricher.nowMicros(clock))
        .build();
  }
}
