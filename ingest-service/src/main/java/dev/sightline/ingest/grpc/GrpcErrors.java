package dev.sightline.ingest.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import com.google.rpc.Code;
import com.google.rpc.RetryInfo;
import dev.sightline.ingest.api.KeysLoading;
import dev.sightline.ingest.domain.AuthenticationFailure;
import dev.sightline.ingest.domain.MalformedRequestException;
import dev.sightline.ingest.domain.guard.BatchTooLarge;
import dev.sightline.ingest.domain.guard.MaskingRulesLoading;
import dev.sightline.ingest.domain.guard.RateLimitExceeded;
import dev.sightline.ingest.messaging.PublishFailure;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.jboss.logging.Logger;

/** Maps the transport-neutral failures to the gRPC codes the OTLP spec asks for. */
final class GrpcErrors {

  private static final Logger LOG = Logger.getLogger(GrpcErrors.class);

  private GrpcErrors() {}

  static StatusRuntimeException of(RuntimeException e, int retryAfterSeconds) {
    if (e instanceof AuthenticationFailure a) {
      return status(a.forbidden() ? Code.PERMISSION_DENIED : Code.UNAUTHENTICATED, e, 0);
    }
    if (e instanceof MalformedRequestException || e instanceof BatchTooLarge) {
      return status(Code.INVALID_ARGUMENT, e, 0);
    }
    if (e instanceof KeysLoading k) {
      return status(Code.UNAVAILABLE, e, k.retryAfterSeconds());
    }
    if (e instanceof MaskingRulesLoading) {
      return status(Code.UNAVAILABLE, e, retryAfterSeconds);
    }
    if (e instanceof RateLimitExceeded r) {
      return status(Code.RESOURCE_EXHAUSTED, e, r.retryAfterSeconds());
    }
    if (e instanceof PublishFailure p) {
      // Too large never succeeds on retry; OTLP clients retry UNAVAILABLE but not INVALID_ARGUMENT.
      if (p.recordTooLarge()) {
        return status(Code.INVALID_ARGUMENT, e, 0);
      }
      LOG.warn(e.getMessage());
      return status(Code.UNAVAILABLE, e, retryAfterSeconds);
    }
    LOG.error("OTLP/gRPC export failed", e);
    return status(Code.INTERNAL, new RuntimeException("internal error"), 0);
  }

  /** A status with the message and, when retrying helps, a RetryInfo detail (OTLP throttling). */
  private static StatusRuntimeException status(Code code, RuntimeException e, long retryAfter) {
    com.google.rpc.Status.Builder status =
        com.google.rpc.Status.newBuilder().setCode(code.getNumber()).setMessage(e.getMessage());
    if (retryAfter > 0) {
      RetryInfo retry =
          RetryInfo.newBuilder()
              .setRetryDelay(Duration.newBuilder().setSeconds(retryAfter))
              .build();
      status.addDetails(Any.pack(retry));
    }
    return StatusProto.toStatusRuntimeException(status.build());
  }
}
