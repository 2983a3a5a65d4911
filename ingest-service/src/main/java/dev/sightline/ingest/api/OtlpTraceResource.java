package dev.sightline.ingest.api;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.sightline.ingest.config.IngestConfig;
import dev.sightline.ingest.domain.MalformedRequestException;
import dev.sightline.ingest.domain.OtlpJsonDecoder;
import dev.sightline.ingest.domain.ProjectKey;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** OTLP/HTTP trace export (JSON and protobuf), also under Langfuse's OTel path. */
@Path("/")
public class OtlpTraceResource {

  static final String PROTOBUF = "application/x-protobuf";

  /** The OTLP/HTTP standard path (also named by {@link BodyBuffering}). */
  static final String OTLP_PATH = "/v1/traces";

  /** The path Langfuse's OpenTelemetry exporters post to. */
  static final String LANGFUSE_OTEL_PATH = "/api/public/otel/v1/traces";

  @Inject IngestConfig config;
  @Inject Intake intake;

  /** The OTLP/HTTP standard path. */
  @POST
  @Path(OTLP_PATH)
  public Response export(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam(HttpHeaders.CONTENT_ENCODING) String contentEncoding,
      byte[] body) {
    ProjectKey key = intake.authenticate(authorization);
    boolean protobuf = isProtobuf(contentType);
    byte[] bytes = RequestBodies.read(body, contentEncoding, config.ingest().maxBodyBytes());
    ExportTraceServiceRequest request =
        protobuf ? parseProtobuf(bytes) : OtlpJsonDecoder.decode(bytes);
    OtlpPartialSuccess outcome = intake.exportOtlp(key.projectId(), request);
    return protobuf
        ? Response.ok(
                ExportTraceServiceResponse.newBuilder()
                    .setPartialSuccess(outcome.toProto())
                    .build()
                    .toByteArray(),
                PROTOBUF)
            .build()
        : Response.ok(jsonBody(outcome), MediaType.APPLICATION_JSON).build();
  }

  private static Map<String, Object> jsonBody(OtlpPartialSuccess outcome) {
    Map<String, Object> partial = new LinkedHashMap<>();
    if (outcome.any()) {
      partial.put("rejectedSpans", outcome.rejectedSpans());
      partial.put("errorMessage", outcome.errorMessage());
    }
    return Map.of("partialSuccess", partial);
  }

  /** Langfuse's OTel endpoint, so Langfuse SDKs configured with a Sightline host just work. */
  @POST
  @Path(LANGFUSE_OTEL_PATH)
  public Response exportLangfusePath(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam(HttpHeaders.CONTENT_ENCODING) String contentEncoding,
      byte[] body) {
    return export(authorization, contentType, contentEncoding, body);
  }

  private static boolean isProtobuf(String contentType) {
    String type =
        contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return switch (type) {
      case "application/json" -> false;
      case PROTOBUF, "application/protobuf" -> true;
      default ->
          throw new Problem(
              Status.UNSUPPORTED_MEDIA_TYPE,
              "unsupported Content-Type \""
                  + contentType
                  + "\"; send application/json or application/x-protobuf");
    };
  }

  private static ExportTraceServiceRequest parseProtobuf(byte[] bytes) {
    try {
      return ExportTraceServiceRequest.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new MalformedRequestException(
          "body is not a protobuf ExportTraceServiceRequest: " + e.getMessage(), e);
    }
  }
}
