package dev.sightline.schemas.topics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates the registry's topics that do not exist yet; safe to call from every service. */
public final class TopicProvisioner {

  private TopicProvisioner() {}

  /**
   * Ensures every topic of {@link Topics#all()} exists.
   *
   * @return the names that were created by this call
   */
  public static Set<String> ensureAll(String bootstrapServers, Duration timeout) {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) timeout.toMillis()))) {
      Set<String> existing =
          admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      List<NewTopic> missing =
          Topics.all().stream()
              .filter(t -> !existing.contains(t.name()))
              .map(t -> t.newTopic((short) 1))
              .toList();
      if (!missing.isEmpty()) {
        try {
          admin.createTopics(missing).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
          // Another service may have created them a moment ago; that is the goal anyway.
          if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
            throw e;
          }
        }
      }
      return Set.copyOf(missing.stream().map(NewTopic::name).toList());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "could not create Kafka topics at "
              + bootstrapServers
              + " — is the broker up? (./sightline status)",
          e);
    }
  }

  /** Command line entry: {@code TopicProvisioner <bootstrap>} creates the topics and lists them. */
  public static void main(String[] args) {
    String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:9092";
    Set<String> created = ensureAll(bootstrap, Duration.ofSeconds(30));
    for (Topic<?, ?> t : Topics.all()) {
      System.out.printf(
          "%-40s %2d partitions  %-7s %s%s%n",
          t.name(),
          t.partitions(),
          t.cleanupPolicy(),
          t.description(),
          created.contains(t.name()) ? "  (created)" : "");
    }
  }
}
