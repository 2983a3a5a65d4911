package dev.sightline.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.RetryInfo;
import dev.sightline.ingest.api.KeysLoading;
import dev.sightline.ingest.domain.AuthenticationFailure;
import dev.sightline.ingest.domain.MalformedRequestException;
import dev.sightline.ingest.domain.guard.RateLimitExceeded;
import dev.sightline.ingest.messaging.PublishFailure;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.Test;

class GrpcErrorsTest {

  private static long retryDelaySeconds(StatusRuntimeException e) throws Exception {
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    for (com.google.protobuf.Any detail : status.getDetailsList()) {
      if (detail.is(RetryInfo.class)) {
        return detail.unpack(RetryInfo.class).getRetryDelay().getSeconds();
      }
    }
    return -1;
  }

  @Test
  void mapsAuthenticationFailuresToUnauthenticatedOrPermissionDenied() {
    assertThat(GrpcErrors.of(AuthenticationFailure.unauthorized("no"), 5).getStatus().getCode())
        .isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(GrpcErrors.of(AuthenticationFailure.forbidden("ro"), 5).getStatus().getCode())
        .isEqualTo(Status.Code.PERMISSION_DENIED);
  }

  @Test
  void mapsAMalformedRequestToInvalidArgumentWithItsMessage() {
    StatusRuntimeException e = GrpcErrors.of(new MalformedRequestException("spans[0]", "bad"), 5);

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription()).isEqualTo("spans[0]: bad");
  }

  @Test
  void asksForARetryWhenKafkaOrTheKeysAreNotReady() throws Exception {
    StatusRuntimeException kafka =
        GrpcErrors.of(new PublishFailure("no ack", new RuntimeException(), false), 7);
    StatusRuntimeException keys = GrpcErrors.of(new KeysLoading(3), 7);

    assertThat(kafka.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(retryDelaySeconds(kafka)).isEqualTo(7);
    assertThat(keys.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(retryDelaySeconds(keys)).isEqualTo(3);
  }

  @Test
  void throttlesARateLimitedProjectWithResourceExhaustedAndRetryInfo() throws Exception {
    StatusRuntimeException e = GrpcErrors.of(new RateLimitExceeded("p", 2), 5);

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(retryDelaySeconds(e)).isEqualTo(2);
  }

  @Test
  void treatsARecordTooLargeAsNotRetryable() throws Exception {
    StatusRuntimeException e =
        GrpcErrors.of(new PublishFailure("too large", new RuntimeException(), true), 5);

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(retryDelaySeconds(e)).isEqualTo(-1);
  }
}
