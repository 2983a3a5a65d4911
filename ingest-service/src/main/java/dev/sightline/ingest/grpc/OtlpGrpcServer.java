package dev.sightline.ingest.grpc;

import dev.sightline.ingest.api.Intake;
import dev.sightline.ingest.config.IngestConfig;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/** The OTLP/gRPC listener (default port 4317), started and stopped with the application. */
@ApplicationScoped
public class OtlpGrpcServer {

  private static final Logger LOG = Logger.getLogger(OtlpGrpcServer.class);

  @Inject IngestConfig config;
  @Inject Intake intake;

  private Server server;

  void start(@Observes StartupEvent event) {
    IngestConfig.Ingest ingest = config.ingest();
    TraceExportService service = new TraceExportService(intake, ingest.retryAfterSeconds());
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress(ingest.grpcPort()))
            .addService(
                ServerInterceptors.intercept(service.definition(), new AuthorizationHeader()))
            // Same bound as the HTTP body limit; gRPC checks it after decompression.
            .maxInboundMessageSize((int) Math.min(Integer.MAX_VALUE, ingest.maxBodyBytes()))
            .build();
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen for OTLP/gRPC on port "
              + ingest.grpcPort()
              + " (sightline.ingest.grpc-port / SIGHTLINE_INGEST_GRPC_PORT)",
          e);
    }
    LOG.infof("OTLP/gRPC listening on port %d", server.getPort());
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    if (server != null) {
      server.shutdown();
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    }
  }

  /** The bound port, useful when configured as 0. */
  public int port() {
    return server.getPort();
  }
}
