package dev.sightline.ingest.api;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.sightline.ingest.config.IngestConfig;
import dev.sightline.ingest.domain.AuthenticationFailure;
import dev.sightline.ingest.domain.Authenticator;
import dev.sightline.ingest.domain.MalformedRequestException;
import dev.sightline.ingest.domain.OtlpJsonDecoder;
import dev.sightline.ingest.domain.OtlpSpanMapper;
import dev.sightline.ingest.domain.ProjectKey;
import dev.sightline.ingest.messaging.ApiKeyFeed;
import dev.sightline.ingest.messaging.EventPublisher;
import dev.sightline.schemas.avro.IngestEvent;
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
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** OTLP/HTTP trace export (JSON and protobuf), also under Langfuse's OTel path. */
@Path("/")
public class OtlpTraceResource {

  static final String PROTOBUF = "application/x-protobuf";
  private static final String JSON_RESPONSE = "{\"partialSuccess\":{}}";

  @Inject IngestConfig config;
  @Inject Authenticator authenticator;
  @Inject ApiKeyFeed keyFeed;
  @Inject OtlpSpanMapper mapper;
  @Inject EventPublisher publisher;

  /** The OTLP/HTTP standard path. */
  @POST
  @Path("v1/traces")
  public Response export(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam(HttpHeaders.CONTENT_ENCODING) String contentEncoding,
      InputStream body) {
    ProjectKey key;
    try {
      key = authenticator.authenticate(authorization);
    } catch (AuthenticationFailure e) {
      // Before the key topic is read, "unknown key" may be wrong: ask the client to retry instead.
      if (!e.forbidden() && !keyFeed.caughtUp()) {
        return ProblemResponses.unavailable(
            "API keys are still loading; retry shortly", config.ingest().retryAfterSeconds());
      }
      throw e;
    }
    boolean protobuf = isProtobuf(contentType);
    byte[] bytes = RequestBodies.read(body, contentEncoding, config.ingest().maxBodyBytes());
    ExportTraceServiceRequest request =
        protobuf ? parseProtobuf(bytes) : OtlpJsonDecoder.decode(bytes);
    long nowMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    List<IngestEvent> events = mapper.map(request, key.projectId(), nowMicros);
    publisher.publishAll(events);
    return protobuf
        ? Response.ok(ExportTraceServiceResponse.getDefaultInstance().toByteArray(), PROTOBUF)
            .build()
        : Response.ok(JSON_RESPONSE, MediaType.APPLICATION_JSON).build();
  }

  /** Langfuse's OTel endpoint, so Langfuse SDKs configured with a Sightline host just work. */
  @POST
  @Path("api/public/otel/v1/traces")
  public Response exportLangfusePath(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam(HttpHeaders.CONTENT_ENCODING) String contentEncoding,
      InputStream body) {
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
