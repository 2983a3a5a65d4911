package dev.sightline.ingest.domain.langfuse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.schemas.avro.ScoreDataType;
import dev.sightline.schemas.avro.ScorePayload;
import dev.sightline.schemas.avro.ScoreSource;
import java.util.Locale;

/** A {@code score-create} body as a score payload. */
final class ScoreBody {

  private ScoreBody() {}

  static ScorePayload of(JsonNode body, String pointer, String itemId, long itemMicros) {
    Fields f = new Fields(body, pointer);
    String id = f.text("id");
    Long timestamp = f.micros("timestamp");
    ScorePayload.Builder b =
        ScorePayload.newBuilder()
            .setScoreId(id == null || id.isEmpty() ? itemId : id)
            .setTraceId(f.required("traceId"))
            .setObservationId(f.text("observationId"))
            .setName(f.required("name"))
            .setComment(f.text("comment"))
            .setSource(ScoreSource.API)
            .setTimestampMicros(timestamp != null ? timestamp : itemMicros);
    ScoreDataType declared = dataType(f.text("dataType"), pointer + "/dataType");
    JsonNode value = body.get("value");
    if (value == null || value.isNull()) {
      throw new InvalidItem(pointer + "/value", "is required");
    }
    if (value.isNumber()) {
      return b.setValue(value.doubleValue())
          .setDataType(declared != null ? declared : ScoreDataType.NUMERIC)
          .build();
    }
    if (value.isBoolean()) {
      return b.setValue(value.booleanValue() ? 1.0 : 0.0)
          .setStringValue(value.asText())
          .setDataType(ScoreDataType.BOOLEAN)
          .build();
    }
    if (value.isTextual()) {
      if (declared == ScoreDataType.NUMERIC) {
        throw new InvalidItem(pointer + "/value", "dataType NUMERIC needs a number");
      }
      return b.setStringValue(value.textValue())
          .setDataType(declared != null ? declared : ScoreDataType.CATEGORICAL)
          .build();
    }
    throw new InvalidItem(pointer + "/value", "expected a number, string or boolean");
  }

  private static ScoreDataType dataType(String text, String pointer) {
    if (text == null) {
      return null;
    }
    try {
      return ScoreDataType.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidItem(pointer, "expected NUMERIC, CATEGORICAL or BOOLEAN, got " + text);
    }
  }
}
