package dev.sightline.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;

import dev.sightline.ingest.domain.OtlpFixtures;
import dev.sightline.ingest.grpc.OtlpGrpcServer;
import dev.sightline.schemas.avro.EventKind;
import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.avro.ObservationType;
import dev.sightline.schemas.avro.ScorePayload;
import dev.sightline.schemas.avro.TracePayload;
import io.grpc.CallOptions;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The three transports against the real broker, driven by real clients where one exists. */
@QuarkusTest
class TransportsTest {

  private static KafkaTestClients kafka;

  @Inject OtlpGrpcServer grpc;

  @TestHTTPResource("v1/traces")
  URL otlpHttp;

  private final String projectId = "proj-" + UUID.randomUUID();
  private final String publicKey = "pk-" + UUID.randomUUID();
  private final String secret = "sk-" + UUID.randomUUID();

  @BeforeAll
  static void connect() {
    kafka =
        new KafkaTestClients(
            ConfigProvider.getConfig()
                .getOptionalValue("sightline.kafka.bootstrap-servers", String.class)
                .orElse("127.0.0.1:9092"));
  }

  @AfterAll
  static void disconnect() {
    kafka.close();
  }

  /** Publishes this test's key and waits until a real event is accepted (keys and rules loaded). */
  @BeforeEach
  void keyAccepted() throws Exception {
    kafka.publishKey(publicKey, projectId, secret, false);
    String warmUp = batch(item("warm-" + UUID.randomUUID(), "trace-create", "{'id':'warm-up'}"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> batchRequest().body(warmUp).post("/api/public/ingestion").statusCode() == 207);
  }

  private io.restassured.specification.RequestSpecification batchRequest() {
    return given().auth().preemptive().basic(publicKey, secret).contentType("application/json");
  }

  private String basic() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((publicKey + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  private List<IngestEvent> awaitTrace(String traceId, int count) {
    return await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                kafka.eventsOf(projectId).stream()
                    .map(ConsumerRecord::value)
                    .filter(e -> traceId.equals(traceIdOf(e)))
                    .toList(),
            list -> list.size() >= count);
  }

  private static String traceIdOf(IngestEvent e) {
    Object p = e.getPayload();
    if (p instanceof TracePayload t) {
      return t.getTraceId();
    }
    if (p instanceof ObservationPayload o) {
      return o.getTraceId();
    }
    return ((ScorePayload) p).getTraceId();
  }

  /** Sends a root span and a GenAI child span through a real OpenTelemetry SDK exporter. */
  private String sendWithSdk(SpanExporter exporter) {
    SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .setResource(
                Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "shop")))
            .addSpanProcessor(SimpleSpanProcessor.create(exporter))
            .build();
    Tracer tracer = provider.get("sightline-test");
    Span root = tracer.spanBuilder("handle request").startSpan();
    root.setAttribute("user.id", "u-42");
    try (Scope ignored = root.makeCurrent()) {
      Span chat = tracer.spanBuilder("chat gpt-4o").startSpan();
      chat.setAttribute("gen_ai.request.model", "gpt-4o");
      chat.setAttribute("gen_ai.usage.input_tokens", 21L);
      chat.setAttribute("gen_ai.usage.output_tokens", 8L);
      chat.end();
    }
    root.end();
    CompletableResultCode flushed = provider.forceFlush().join(15, TimeUnit.SECONDS);
    provider.shutdown().join(5, TimeUnit.SECONDS);
    assertThat(flushed.isSuccess()).as("the exporter reported success").isTrue();
    return root.getSpanContext().getTraceId();
  }

  private void assertComplete(List<IngestEvent> events) {
    assertThat(events)
        .extracting(IngestEvent::getKind)
        .containsExactlyInAnyOrder(EventKind.TRACE, EventKind.OBSERVATION, EventKind.OBSERVATION);
    TracePayload trace =
        events.stream()
            .map(IngestEvent::getPayload)
            .filter(TracePayload.class::isInstance)
            .map(TracePayload.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(trace.getUserId()).isEqualTo("u-42");
    ObservationPayload chat =
        events.stream()
            .map(IngestEvent::getPayload)
            .filter(p -> p instanceof ObservationPayload o && o.getParentObservationId() != null)
            .map(ObservationPayload.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(chat.getType()).isEqualTo(ObservationType.GENERATION);
    assertThat(chat.getModel()).isEqualTo("gpt-4o");
    assertThat(chat.getUsage().getInputTokens()).isEqualTo(21L);
    assertThat(chat.getUsage().getOutputTokens()).isEqualTo(8L);
    assertThat(chat.getAttributes()).containsEntry("resource.service.name", "shop");
  }

  @Test
  void acceptsSpansFromTheOpenTelemetrySdkOverHttpProtobuf() {
    String traceId =
        sendWithSdk(
            OtlpHttpSpanExporter.builder()
                .setEndpoint(otlpHttp.toString())
                .addHeader("Authorization", basic())
                .build());

    assertComplete(awaitTrace(traceId, 3));
  }

  @Test
  void acceptsOtlpJsonOverHttp2AsJavasHttpClientSendsIt() throws Exception {
    // Java's HttpClient upgrades plain http:// to HTTP/2 (h2c); the body-buffering route must
    // leave those requests to Quarkus REST (it answered 500 to every one before).
    String traceId = UUID.randomUUID().toString().replace("-", "");
    long start = Instant.now().toEpochMilli() * 1_000_000L;
    String json =
        "{'resourceSpans':[{'scopeSpans':[{'spans':[{'traceId':'%s','spanId':'00f067aa0ba902b7',"
                .formatted(traceId)
            + "'name':'h2','startTimeUnixNano':'%d','endTimeUnixNano':'%d'}]}]}]}"
                .formatted(start, start + 1_000_000L);
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    HttpResponse<String> response = null;
    for (int i = 0; i < 2; i++) { // the first request carries the upgrade, the second is HTTP/2
      response =
          client.send(
              HttpRequest.newBuilder(otlpHttp.toURI())
                  .header("Authorization", basic())
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(json.replace('\'', '"')))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
    assertThat(awaitTrace(traceId, 2))
        .map(IngestEvent::getPayload)
        .filteredOn(ObservationPayload.class::isInstance)
        .extracting(p -> ((ObservationPayload) p).getName())
        .contains("h2");
  }

  @Test
  void acceptsSpansFromTheOpenTelemetrySdkOverGrpc() {
    String traceId =
        sendWithSdk(
            OtlpGrpcSpanExporter.builder()
                .setEndpoint("http://127.0.0.1:" + grpc.port())
                .addHeader("authorization", "Bearer " + secret)
                .build());

    assertComplete(awaitTrace(traceId, 3));
  }

  @Test
  void answersUnauthenticatedOverGrpcForAWrongSecret() {
    ManagedChannel channel =
        NettyChannelBuilder.forAddress("127.0.0.1", grpc.port()).usePlaintext().build();
    try {
      Metadata headers = new Metadata();
      headers.put(
          Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
          "Basic " + Base64.getEncoder().encodeToString((publicKey + ":wrong").getBytes()));
      var stub =
          TraceServiceGrpc.newBlockingStub(channel)
              .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));

      assertThatThrownBy(() -> stub.export(ExportTraceServiceRequest.getDefaultInstance()))
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    } finally {
      channel.shutdownNow();
    }
  }

  @Test
  void answersInvalidArgumentOverGrpcForAMessageThatIsNotProtobuf() {
    ManagedChannel channel =
        NettyChannelBuilder.forAddress("127.0.0.1", grpc.port()).usePlaintext().build();
    try {
      Metadata headers = new Metadata();
      headers.put(
          Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + secret);
      MethodDescriptor.Marshaller<byte[]> raw =
          new MethodDescriptor.Marshaller<>() {
            @Override
            public java.io.InputStream stream(byte[] value) {
              return new java.io.ByteArrayInputStream(value);
            }

            @Override
            public byte[] parse(java.io.InputStream stream) {
              return new byte[0];
            }
          };
      MethodDescriptor<byte[], byte[]> export =
          TraceServiceGrpc.getExportMethod().toBuilder(raw, raw).build();
      byte[] garbage = {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01};

      assertThatThrownBy(
              () ->
                  ClientCalls.blockingUnaryCall(
                      ClientInterceptors.intercept(
                          channel, MetadataUtils.newAttachHeadersInterceptor(headers)),
                      export,
                      CallOptions.DEFAULT,
                      garbage))
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    } finally {
      channel.shutdownNow();
    }
  }

  @Test
  void reportsABadSpanAsPartialSuccessAndPublishesTheGoodOne() throws Exception {
    String traceId = UUID.randomUUID().toString().replace("-", "");
    long now = Instant.now().toEpochMilli() * 1_000_000;
    ExportTraceServiceRequest request =
        OtlpFixtures.request(
            List.of(),
            OtlpFixtures.span(traceId, "b7ad6b7169203331", null, "good")
                .setStartTimeUnixNano(now)
                .setEndTimeUnixNano(now + 1_000_000)
                .build(),
            OtlpFixtures.span(traceId, "00f067aa0ba902b7", null, "bad")
                .setTraceId(OtlpFixtures.hex("abcd"))
                .build());

    byte[] body =
        batchRequest()
            .contentType("application/x-protobuf")
            .body(request.toByteArray())
            .post("/v1/traces")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();

    ExportTraceServiceResponse response = ExportTraceServiceResponse.parseFrom(body);
    assertThat(response.getPartialSuccess().getRejectedSpans()).isEqualTo(1);
    assertThat(response.getPartialSuccess().getErrorMessage()).contains("spans[1].traceId");
    assertThat(awaitTrace(traceId, 2))
        .extracting(IngestEvent::getKind)
        .containsExactlyInAnyOrder(EventKind.TRACE, EventKind.OBSERVATION);
  }

  @Test
  void answersTheBatchApiWith207KeepingValidEventsAndReportingInvalidOnes() {
    String traceId = "t-" + UUID.randomUUID();
    String now = Instant.now().toString();
    String body =
        batch(
            item(
                "ev-trace",
                "trace-create",
                "{'id':'%s','name':'chat','userId':'u'}".formatted(traceId)),
            item(
                "ev-gen",
                "generation-create",
                ("{'id':'g1','traceId':'%s','model':'gpt-4o','startTime':'%s',"
                        + "'usageDetails':{'input':5,'output':2}}")
                    .formatted(traceId, now)),
            item(
                "ev-score",
                "score-create",
                "{'traceId':'%s','name':'acc','value':1}".formatted(traceId)),
            item("ev-unknown", "dataset-create", "{'id':'x'}"),
            item("ev-no-trace", "span-create", "{'id':'s1'}"),
            item("ev-log", "sdk-log", "{'log':'hi'}"));

    batchRequest()
        .body(body)
        .post("/api/public/ingestion")
        .then()
        .statusCode(207)
        .body("successes.id", containsInAnyOrder("ev-trace", "ev-gen", "ev-score", "ev-log"))
        .body("successes.status", hasSize(4))
        .body("errors.id", containsInAnyOrder("ev-unknown", "ev-no-trace"))
        .body("errors.status", containsInAnyOrder(400, 400));

    List<IngestEvent> events = awaitTrace(traceId, 3);
    assertThat(events)
        .extracting(IngestEvent::getEventId)
        .containsExactlyInAnyOrder("ev-trace", "ev-gen", "ev-score");
    ObservationPayload gen =
        events.stream()
            .map(IngestEvent::getPayload)
            .filter(ObservationPayload.class::isInstance)
            .map(ObservationPayload.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(gen.getType()).isEqualTo(ObservationType.GENERATION);
    assertThat(gen.getUsage().getInputTokens()).isEqualTo(5L);
  }

  private static String item(String id, String type, String body) {
    return "{'id':'%s','type':'%s','timestamp':'%s','body':%s}"
        .formatted(id, type, Instant.now(), body);
  }

  private static String batch(String... items) {
    return ("{'batch':[" + String.join(",", items) + "]}").replace('\'', '"');
  }
}
