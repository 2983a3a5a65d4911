package dev.sightline.ingest.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/** Hands the call's {@code authorization} metadata to the service through the gRPC context. */
final class AuthorizationHeader implements ServerInterceptor {

  /** The caller's authorization header value, or null when it sent none. */
  static final Context.Key<String> VALUE = Context.key("sightline-authorization");

  private static final Metadata.Key<String> KEY =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    Context context = Context.current().withValue(VALUE, headers.get(KEY));
    return Contexts.interceptCall(context, call, headers, next);
  }
}
