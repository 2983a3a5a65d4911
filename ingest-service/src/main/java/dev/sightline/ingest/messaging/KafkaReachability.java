package dev.sightline.ingest.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Asks the cluster for its nodes: the producer's cached metadata would hide a dead broker. */
public final class KafkaReachability implements AutoCloseable {

  private final Admin admin;
  private final Duration timeout;

  /** A probe against the given brokers; each check waits at most {@code timeout}. */
  public KafkaReachability(String bootstrapServers, Duration timeout) {
    this.timeout = timeout;
    this.admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "sightline-ingest-health",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) timeout.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                (int) timeout.toMillis()));
  }

  /** Whether at least one broker answered within the timeout. */
  public boolean reachable() {
    try {
      return !admin
          .describeCluster()
          .nodes()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .isEmpty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(2));
  }
}
