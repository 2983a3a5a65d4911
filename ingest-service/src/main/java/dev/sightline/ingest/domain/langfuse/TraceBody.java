package dev.sightline.ingest.domain.langfuse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.schemas.avro.TracePayload;
import java.util.ArrayList;
import java.util.List;

/** A {@code trace-create} body as a trace payload. */
final class TraceBody {

  private TraceBody() {}

  static TracePayload of(JsonNode body, String pointer, long itemMicros) {
    Fields f = new Fields(body, pointer);
    Long timestamp = f.micros("timestamp");
    return TracePayload.newBuilder()
        .setTraceId(f.required("id"))
        .setName(f.text("name"))
        .setUserId(f.text("userId"))
        .setSessionId(f.text("sessionId"))
        .setTags(tags(body.get("tags"), pointer + "/tags"))
        .setEnvironment(f.text("environment"))
        .setRelease(f.text("release"))
        .setVersion(f.text("version"))
        .setInput(f.anyJson("input"))
        .setOutput(f.anyJson("output"))
        .setMetadata(f.stringMap("metadata"))
        .setTimestampMicros(timestamp != null ? timestamp : itemMicros)
        .build();
  }

  private static List<String> tags(JsonNode tags, String pointer) {
    List<String> out = new ArrayList<>();
    if (tags == null || tags.isNull()) {
      return out;
    }
    if (!tags.isArray()) {
      throw new InvalidItem(pointer, "expected an array of strings");
    }
    tags.forEach(t -> out.add(t.asText()));
    return out;
  }
}
