package dev.sightline.ingest.messaging;

import dev.sightline.schemas.serde.SchemaHistory;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Avro single-object deserializers that resolve nested classes (enums, unions) through the record
 * class's own class loader.
 *
 * <p>Workaround: {@code AvroSerde} decodes with {@code SpecificData.get()}, whose class loader
 * cannot see the generated classes under Quarkus' test class loaders, so enums decode as generic
 * symbols and the record rejects them. Remove once schemas' AvroSerde does the same.
 */
public final class AvroDeserializers {

  private AvroDeserializers() {}

  /** A deserializer of the generated record class; null bytes (tombstones) give null. */
  public static <T extends SpecificRecord> Deserializer<T> of(Class<T> type) {
    SpecificData data = new SpecificData(type.getClassLoader());
    BinaryMessageDecoder<T> decoder =
        new BinaryMessageDecoder<>(data, data.getSchema(type), SchemaHistory.store());
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      try {
        return decoder.decode(bytes);
      } catch (Exception e) {
        throw new SerializationException(
            "cannot decode " + type.getSimpleName() + " from " + topic + ": " + e, e);
      }
    };
  }
}
