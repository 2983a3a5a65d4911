package dev.sightline.ingest.api;

import dev.sightline.ingest.config.IngestConfig;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Collects the body of every ingest request on the I/O thread before the resource runs.
 *
 * <p>Quarkus REST reads the body of a blocking resource method on the worker thread, which waits on
 * the event loop for every chunk. That handoff (waits, wake-ups and copies) was 8–10 % of ingest's
 * CPU at full load in the session 6 profile. With the whole body already in the routing context,
 * Quarkus REST hands the resource an in-memory stream instead.
 */
@ApplicationScoped
class BodyBuffering {

  /** The POST paths whose bodies are collected: the ingest resources'. */
  private static final List<String> PATHS =
      List.of(
          OtlpTraceResource.OTLP_PATH,
          OtlpTraceResource.LANGFUSE_OTEL_PATH,
          LangfuseIngestionResource.PATH);

  void install(@Observes Router router, IngestConfig config) {
    BodyHandler handler =
        BodyHandler.create(false)
            // The same bound as quarkus.http.limits.max-body-size, which refuses larger bodies
            // with 413 before this handler sees them; repeated so the buffer can never grow past
            // it.
            .setBodyLimit(config.ingest().maxBodyBytes())
            .setPreallocateBodyBuffer(true);
    Handler<RoutingContext> http1Only =
        context -> {
          if (context.request().version() == HttpVersion.HTTP_2) {
            context.next();
          } else {
            handler.handle(context);
          }
        };
    for (String path : PATHS) {
      // Before Quarkus REST's route, which then finds the body in the routing context.
      router.post(path).order(-100).handler(http1Only);
    }
  }
}
