package dev.sightline.ingest.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.ingest.config.IngestConfig;
import dev.sightline.ingest.domain.MalformedRequestException;
import dev.sightline.ingest.domain.ProjectKey;
import dev.sightline.ingest.domain.guard.Admission;
import dev.sightline.ingest.domain.guard.Rejection;
import dev.sightline.ingest.domain.langfuse.InvalidItem;
import dev.sightline.ingest.domain.langfuse.LangfuseBatchMapper;
import dev.sightline.schemas.avro.IngestEvent;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Langfuse's batch ingestion API, so Langfuse SDKs (v2) and raw API clients work unchanged. */
@Path(LangfuseIngestionResource.PATH)
public class LangfuseIngestionResource {

  /** The batch ingestion path (also named by {@link BodyBuffering}). */
  static final String PATH = "/api/public/ingestion";

  private static final int MULTI_STATUS = 207;
  private static final LangfuseBatchMapper MAPPER = new LangfuseBatchMapper();

  @Inject IngestConfig config;
  @Inject Intake intake;
  @Inject ObjectMapper json;

  /** Answers 207 with per-event results: valid events are published even if others are not. */
  @POST
  public Response ingest(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam(HttpHeaders.CONTENT_ENCODING) String contentEncoding,
      byte[] body) {
    ProjectKey key = intake.authenticate(authorization);
    byte[] bytes = RequestBodies.read(body, contentEncoding, config.ingest().maxBodyBytes());
    LangfuseBatchMapper.Result mapped;
    try {
      mapped = MAPPER.map(parse(bytes), key.projectId(), Intake.nowMicros());
    } catch (InvalidItem e) {
      throw new MalformedRequestException(e.pointer(), e.getMessage());
    }
    List<IngestEvent> events =
        mapped.events().stream().map(LangfuseBatchMapper.Mapped::event).toList();
    Admission admitted = intake.submit(key.projectId(), events);

    List<Map<String, Object>> successes = new ArrayList<>();
    admitted.accepted().forEach(e -> successes.add(Map.of("id", e.getEventId(), "status", 201)));
    mapped.ignored().forEach(id -> successes.add(Map.of("id", id, "status", 201)));
    List<Map<String, Object>> errors = new ArrayList<>();
    mapped.failed().forEach(f -> errors.add(error(f.itemId(), f.pointer(), f.message())));
    for (Rejection r : admitted.rejected()) {
      errors.add(error(r.eventId(), r.pointer(), r.message()));
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("successes", successes);
    answer.put("errors", errors);
    return Response.status(MULTI_STATUS).type(MediaType.APPLICATION_JSON).entity(answer).build();
  }

  private JsonNode parse(byte[] bytes) {
    try {
      return json.readTree(bytes);
    } catch (JacksonException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + " column "
                  + e.getLocation().getColumnNr();
      throw new MalformedRequestException(
          "invalid JSON" + where + ": " + e.getOriginalMessage(), e);
    } catch (java.io.IOException e) {
      throw new MalformedRequestException("cannot read the body: " + e.getMessage(), e);
    }
  }

  /** Langfuse's error entry: {@code message} says what is wrong, {@code error} where. */
  private static Map<String, Object> error(String id, String pointer, String message) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("id", id);
    e.put("status", 400);
    e.put("message", pointer == null || pointer.isEmpty() ? message : pointer + ": " + message);
    e.put("error", pointer == null ? "" : pointer);
    return e;
  }
}
