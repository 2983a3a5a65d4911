package dev.sightline.enrich.streams;

import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.serde.AvroSerde;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Store serde of {@link ObservationState}: a format byte, the bookkeeping fields, then the merged
 * payload in Avro single-object encoding (so payload schema changes resolve like on the topics).
 */
final class ObservationStateSerde implements Serde<ObservationState> {

  private static final byte FORMAT = 1;
  private static final AvroSerde<ObservationPayload> PAYLOAD =
      AvroSerde.of(ObservationPayload.class);

  @Override
  public Serializer<ObservationState> serializer() {
    return (topic, s) -> s == null ? null : write(s);
  }

  @Override
  public Deserializer<ObservationState> deserializer() {
    return (topic, bytes) -> bytes == null ? null : read(bytes);
  }

  private static byte[] write(ObservationState s) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeUTF(s.projectId());
      out.writeBoolean(s.created());
      out.writeLong(s.firstSeenMillis());
      out.writeLong(s.lastSeenMillis());
      out.writeLong(s.firstReceivedAtMicros());
      out.writeUTF(s.lastEventId());
      out.writeBoolean(s.emitted());
      out.writeBoolean(s.emittedStartMicros() != null);
      out.writeLong(s.emittedStartMicros() == null ? 0 : s.emittedStartMicros());
      out.writeLong(s.version());
      out.writeBoolean(s.aggregated());
      out.writeLong(s.timerDueMillis());
      out.write(PAYLOAD.encode(s.merged()));
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObservationState read(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte format = in.readByte();
      if (format != FORMAT) {
        throw new IllegalStateException("unknown observation state format " + format);
      }
      String projectId = in.readUTF();
      boolean created = in.readBoolean();
      long firstSeen = in.readLong();
      long lastSeen = in.readLong();
      long firstReceived = in.readLong();
      String lastEventId = in.readUTF();
      boolean emitted = in.readBoolean();
      boolean hasStart = in.readBoolean();
      long start = in.readLong();
      long version = in.readLong();
      boolean aggregated = in.readBoolean();
      long timerDue = in.readLong();
      ObservationPayload merged = PAYLOAD.decode(in.readAllBytes());
      return new ObservationState(
          projectId,
          merged,
          created,
          firstSeen,
          lastSeen,
          firstReceived,
          lastEventId,
          emitted,
          hasStart ? start : null,
          version,
          aggregated,
          timerDue);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
