package dev.sightline.schemas.serde;

import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for generated Avro classes using Avro single-object encoding.
 *
 * <p>Every value starts with the 2-byte marker {@code C3 01} and the 8-byte CRC-64-AVRO fingerprint
 * of the writer's schema; the reader looks the writer schema up in {@link SchemaHistory} and
 * resolves it to the current one. No registry server is needed.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

  private final Class<T> type;
  private final SingleObjectWriter<T> encoder;
  private final SingleObjectReader<T> decoder;

  private AvroSerde(Class<T> type) {
    this.type = type;
    // The generated classes' own loader, not SpecificData.get(): under Quarkus tests Avro and the
    // schemas module live in different class loaders, and the global instance would resolve
    // record classes through the wrong one (ClassCastException on decode).
    SpecificData model = new SpecificData(type.getClassLoader());
    // The generated classes' own straight-line encode/decode instead of walking the schema: 3x
    // faster encoding of an 800-byte observation (2.7 -> 0.9 µs), byte for byte the same output.
    model.setCustomCoders(true);
    Schema schema = model.getSchema(type);
    this.encoder = new SingleObjectWriter<>(model, schema);
    this.decoder = new SingleObjectReader<>(model, schema, SchemaHistory.store());
  }

  /** The serde of one generated record class. */
  public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
    return new AvroSerde<>(type);
  }

  /** Encodes one value; thread-safe. */
  public byte[] encode(T value) {
    try {
      return encoder.write(value);
    } catch (IOException e) {
      throw new SerializationException("cannot encode " + type.getSimpleName(), e);
    }
  }

  /** Decodes one value; thread-safe. Throws {@link SerializationException} naming the cause. */
  public T decode(byte[] bytes) {
    try {
      return decoder.read(bytes);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "cannot decode "
              + type.getSimpleName()
              + " ("
              + (bytes == null ? "null" : bytes.length + " bytes")
              + "): "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> value == null ? null : encode(value);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> bytes == null ? null : decode(bytes);
  }
}
