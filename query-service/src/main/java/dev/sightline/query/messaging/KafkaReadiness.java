package dev.sightline.query.messaging;

import dev.sightline.query.config.QueryConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the broker answers, since key changes must reach ingest through it. */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

  @Inject QueryConfig config;

  private Admin admin;

  @Override
  public HealthCheckResponse call() {
    try {
      String clusterId = admin().describeCluster().clusterId().get(3, TimeUnit.SECONDS);
      return HealthCheckResponse.named("kafka").up().withData("clusterId", clusterId).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return HealthCheckResponse.named("kafka").down().build();
    } catch (Exception e) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      return HealthCheckResponse.named("kafka").down().withData("error", root.toString()).build();
    }
  }

  private synchronized Admin admin() {
    if (admin == null) {
      // Kafka loads its plugin classes through the context loader, which on the event loop
      // thread that runs health checks is not always the application's.
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(KafkaReadiness.class.getClassLoader());
      try {
        admin =
            Admin.create(
                Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    config.kafka().bootstrapServers(),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                    3000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                    3000));
      } finally {
        thread.setContextClassLoader(previous);
      }
    }
    return admin;
  }

  synchronized void close(@Observes ShutdownEvent event) {
    if (admin != null) {
      admin.close();
    }
  }
}
