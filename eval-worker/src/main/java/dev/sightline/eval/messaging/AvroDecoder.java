package dev.sightline.eval.messaging;

import dev.sightline.schemas.serde.SchemaHistory;
import java.io.IOException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Decodes single-object-encoded Avro values like {@code AvroSerde}, but resolves the generated
 * classes through the loader of the requested type.
 *
 * <p>{@code AvroSerde} uses {@code SpecificData.get()}, which looks classes up through Avro's own
 * loader; in a {@code @QuarkusTest} that yields the JVM's copy of the schemas classes instead of
 * Quarkus' ("EnrichedObservation cannot be cast to IndexedRecord").
 */
public final class AvroDecoder<T extends SpecificRecord> implements Deserializer<T> {

  private final Class<T> type;
  private final BinaryMessageDecoder<T> decoder;

  private AvroDecoder(Class<T> type) {
    this.type = type;
    SpecificData data = new SpecificData(type.getClassLoader());
    this.decoder = new BinaryMessageDecoder<>(data, data.getSchema(type), SchemaHistory.store());
  }

  /** The decoder of one generated record class. */
  public static <T extends SpecificRecord> AvroDecoder<T> of(Class<T> type) {
    return new AvroDecoder<>(type);
  }

  /** Decodes one value; throws {@link SerializationException} naming the cause. */
  @Override
  public T deserialize(String topic, byte[] bytes) {
    if (bytes == null) {
      throw new SerializationException("cannot decode " + type.getSimpleName() + ": null value");
    }
    try {
      return decoder.decode(bytes);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "cannot decode " + type.getSimpleName() + " (" + bytes.length + " bytes): " + e, e);
    }
  }
}
