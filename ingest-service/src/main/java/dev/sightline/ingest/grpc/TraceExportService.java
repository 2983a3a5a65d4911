package dev.sightline.ingest.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.sightline.ingest.api.Intake;
import dev.sightline.ingest.api.OtlpPartialSuccess;
import dev.sightline.ingest.domain.MalformedRequestException;
import dev.sightline.ingest.domain.ProjectKey;
import io.grpc.ServerServiceDefinition;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;

/**
 * {@code TraceService/Export}: the same authentication, mapping and admission as OTLP/HTTP. Uses
 * the generated method descriptor with the request kept as bytes until the caller is authenticated.
 */
final class TraceExportService {

  private final Intake intake;
  private final int retryAfterSeconds;

  TraceExportService(Intake intake, int retryAfterSeconds) {
    this.intake = intake;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** The service definition to register with a server. */
  ServerServiceDefinition definition() {
    return ServerServiceDefinition.builder(TraceServiceGrpc.SERVICE_NAME)
        .addMethod(
            TraceServiceGrpc.getExportMethod().toBuilder(
                    new RawBytes(),
                    ProtoUtils.marshaller(ExportTraceServiceResponse.getDefaultInstance()))
                .build(),
            ServerCalls.asyncUnaryCall(this::export))
        .build();
  }

  private void export(byte[] message, StreamObserver<ExportTraceServiceResponse> response) {
    ExportTraceServiceResponse answer;
    try {
      ProjectKey key = intake.authenticate(AuthorizationHeader.VALUE.get());
      // Blocks until Kafka acked: grpc-java runs handlers on its own executor, not the event loop.
      OtlpPartialSuccess outcome = intake.exportOtlp(key.projectId(), parse(message));
      answer = ExportTraceServiceResponse.newBuilder().setPartialSuccess(outcome.toProto()).build();
    } catch (RuntimeException e) {
      response.onError(GrpcErrors.of(e, retryAfterSeconds));
      return;
    }
    response.onNext(answer);
    response.onCompleted();
  }

  private static ExportTraceServiceRequest parse(byte[] message) {
    try {
      return ExportTraceServiceRequest.parseFrom(message);
    } catch (InvalidProtocolBufferException e) {
      throw new MalformedRequestException(
          "message is not a protobuf ExportTraceServiceRequest: " + e.getMessage(), e);
    }
  }
}
