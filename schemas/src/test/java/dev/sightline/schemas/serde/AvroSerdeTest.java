package dev.sightline.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.schemas.avro.EventKind;
import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.avro.ObservationType;
import dev.sightline.schemas.avro.Usage;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

  private final AvroSerde<ObservationPayload> serde = AvroSerde.of(ObservationPayload.class);

  static ObservationPayload generation() {
    return ObservationPayload.newBuilder()
        .setObservationId("obs-1")
        .setTraceId("trace-1")
        .setType(ObservationType.GENERATION)
        .setName("answer")
        .setModel("gpt-4o-mini")
        .setStartTimeMicros(1_000_000L)
        .setEndTimeMicros(1_250_000L)
        .setUsage(Usage.newBuilder().setInputTokens(100L).setOutputTokens(20L).build())
        .setAttributes(Map.of("custom.key", "value"))
        .build();
  }

  @Test
  void roundTripsAGenerationUnchanged() {
    ObservationPayload original = generation();

    ObservationPayload decoded = serde.decode(serde.encode(original));

    assertThat(decoded).isEqualTo(original);
  }

  @Test
  void aWriteThatFailsHalfWayLeavesNothingBehindInTheNextOne() {
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("custom.key", null);
    ObservationPayload broken =
        ObservationPayload.newBuilder(generation()).setAttributes(nullValue).build();
    assertThatThrownBy(() -> serde.encode(broken)).isInstanceOf(RuntimeException.class);

    ObservationPayload next = generation();

    assertThat(serde.decode(serde.encode(next))).isEqualTo(next);
  }

  @Test
  void writesTheSingleObjectHeaderWithTheSchemaFingerprint() {
    byte[] bytes = serde.encode(generation());

    long fingerprint =
        SchemaNormalization.parsingFingerprint64(ObservationPayload.getClassSchema());
    ByteBuffer header = ByteBuffer.wrap(bytes, 2, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    assertThat(bytes[0]).isEqualTo((byte) 0xC3);
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
    assertThat(header.getLong()).isEqualTo(fingerprint);
  }

  @Test
  void writesTheSameBytesAsAvrosOwnMessageEncoderForEveryThreadAndSize() throws Exception {
    BinaryMessageEncoder<ObservationPayload> avro =
        new BinaryMessageEncoder<>(
            new SpecificData(ObservationPayload.class.getClassLoader()),
            ObservationPayload.getClassSchema());
    ObservationPayload big = generation();
    big.setInput("x".repeat(3 << 20));
    for (ObservationPayload value : List.of(generation(), big, generation())) {
      ByteBuffer expected = avro.encode(value);
      byte[] own = serde.encode(value);
      byte[][] other = new byte[1][];
      Thread t = new Thread(() -> other[0] = serde.encode(value));
      t.start();
      t.join();

      assertThat(ByteBuffer.wrap(own)).isEqualTo(expected);
      assertThat(other[0]).isEqualTo(own);
    }
  }

  @Test
  void readsARecordWrittenWithAnOlderSchemaOnceThatSchemaIsInTheHistory() {
    // An "old release" whose ObservationPayload had no promptVersion field.
    Schema current = ObservationPayload.getClassSchema();
    List<Schema.Field> oldFields =
        current.getFields().stream()
            .filter(f -> !f.name().equals("promptVersion"))
            .map(f -> new Schema.Field(f, f.schema()))
            .toList();
    Schema old =
        Schema.createRecord(current.getName(), null, current.getNamespace(), false, oldFields);
    GenericRecord oldRecord = new GenericData.Record(old);
    ObservationPayload template = generation();
    for (Schema.Field f : old.getFields()) {
      oldRecord.put(f.name(), SpecificData.get().deepCopy(f.schema(), template.get(f.name())));
    }
    byte[] bytes =
        toBytes(new BinaryMessageEncoder<GenericRecord>(GenericData.get(), old), oldRecord);

    assertThatThrownBy(() -> serde.decode(bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("ObservationPayload");

    SchemaHistory.store();
    ((org.apache.avro.message.SchemaStore.Cache) SchemaHistory.store()).addSchema(old);
    ObservationPayload decoded = AvroSerde.of(ObservationPayload.class).decode(bytes);
    assertThat(decoded.getModel()).isEqualTo("gpt-4o-mini");
    assertThat(decoded.getPromptVersion()).isNull();
  }

  @Test
  void rejectsBytesThatAreNotAvroWithAMessageNamingTheType() {
    assertThatThrownBy(() -> serde.decode("{\"not\":\"avro\"}".getBytes()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("cannot decode ObservationPayload");
  }

  @Test
  void carriesAnyPayloadKindInTheEnvelope() {
    AvroSerde<IngestEvent> envelopes = AvroSerde.of(IngestEvent.class);
    IngestEvent event =
        IngestEvent.newBuilder()
            .setEventId("e-1")
            .setProjectId("p-1")
            .setReceivedAtMicros(42L)
            .setKind(EventKind.OBSERVATION)
            .setPayload(generation())
            .build();

    assertThat(envelopes.decode(envelopes.encode(event)).getPayload())
        .isInstanceOf(ObservationPayload.class)
        .isEqualTo(generation());
  }

  private static byte[] toBytes(BinaryMessageEncoder<GenericRecord> encoder, GenericRecord r) {
    try {
      ByteBuffer b = encoder.encode(r);
      byte[] out = new byte[b.remaining()];
      b.get(out);
      return out;
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
