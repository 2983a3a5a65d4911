package dev.sightline.schemas.serde;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;

/**
 * Reads Avro single-object encoding like Avro's {@code BinaryMessageDecoder}, but decodes the body
 * straight from the byte array. Avro's decoder reads it through a {@code DirectBinaryDecoder} over
 * a {@code ByteArrayInputStream}, one synchronized {@code read()} per byte. Micro-benchmark of an
 * 800-byte observation (session 5): 3.3 -> 2.2 µs from this reader alone, 1.8 µs together with the
 * custom coders {@link AvroSerde} turns on.
 */
final class SingleObjectReader<T> {

  private static final int HEADER = 10;

  private final SpecificData model;
  private final Schema readSchema;
  private final SchemaStore history;
  private final long ownFingerprint;
  private final DatumReader<T> own;
  private final ConcurrentMap<Long, DatumReader<T>> older = new ConcurrentHashMap<>();
  private final ThreadLocal<BinaryDecoder> decoders = new ThreadLocal<>();

  SingleObjectReader(SpecificData model, Schema readSchema, SchemaStore history) {
    this.model = model;
    this.readSchema = readSchema;
    this.history = history;
    this.ownFingerprint = SchemaNormalization.parsingFingerprint64(readSchema);
    this.own = reader(readSchema);
  }

  /** The decoded value; thread-safe (each thread reuses its own decoder). */
  T read(byte[] bytes) throws IOException {
    if (bytes.length < HEADER || bytes[0] != (byte) 0xC3 || bytes[1] != (byte) 0x01) {
      throw new BadHeaderException("not Avro single-object encoding: no C3 01 marker");
    }
    long fingerprint = 0;
    for (int i = 0; i < 8; i++) {
      fingerprint |= (bytes[2 + i] & 0xFFL) << (8 * i);
    }
    DatumReader<T> reader = fingerprint == ownFingerprint ? own : older(fingerprint);
    BinaryDecoder decoder =
        DecoderFactory.get().binaryDecoder(bytes, HEADER, bytes.length - HEADER, decoders.get());
    decoders.set(decoder);
    return reader.read(null, decoder);
  }

  private DatumReader<T> older(long fingerprint) {
    DatumReader<T> reader = older.get(fingerprint);
    if (reader != null) {
      return reader;
    }
    // Looked up on every miss, not cached as missing: the history may learn the schema later.
    Schema writer = history.findByFingerprint(fingerprint);
    if (writer == null) {
      throw new MissingSchemaException(
          "writer schema with fingerprint " + Long.toHexString(fingerprint) + " is not known");
    }
    return older.computeIfAbsent(fingerprint, f -> reader(writer));
  }

  @SuppressWarnings("unchecked")
  private DatumReader<T> reader(Schema writer) {
    return (DatumReader<T>) model.createDatumReader(writer, readSchema);
  }
}
