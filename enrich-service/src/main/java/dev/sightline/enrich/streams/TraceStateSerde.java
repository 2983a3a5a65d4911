package dev.sightline.enrich.streams;

import dev.sightline.schemas.avro.TraceRecord;
import dev.sightline.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Store serde of {@link TraceState}: two longs, then the record as on the traces topic. */
final class TraceStateSerde implements Serde<TraceState> {

  private static final int HEADER = 16;

  @Override
  public Serializer<TraceState> serializer() {
    return (topic, s) -> {
      if (s == null) {
        return null;
      }
      byte[] record = Topics.TRACES.valueSerde().serializer().serialize(topic, s.merged());
      return ByteBuffer.allocate(HEADER + record.length)
          .putLong(s.lastSeenMillis())
          .putLong(s.timerDueMillis())
          .put(record)
          .array();
    };
  }

  @Override
  public Deserializer<TraceState> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      ByteBuffer in = ByteBuffer.wrap(bytes);
      long lastSeen = in.getLong();
      long due = in.getLong();
      TraceRecord record =
          Topics.TRACES
              .valueSerde()
              .deserializer()
              .deserialize(topic, Arrays.copyOfRange(bytes, HEADER, bytes.length));
      return new TraceState(record, lastSeen, due);
    };
  }
}
