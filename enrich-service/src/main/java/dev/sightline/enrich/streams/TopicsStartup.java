package dev.sightline.enrich.streams;

import dev.sightline.enrich.config.EnrichConfig;
import dev.sightline.schemas.topics.TopicProvisioner;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.Set;
import org.jboss.logging.Logger;

/** Creates the registry's topics before Kafka Streams and the sink start using them. */
@ApplicationScoped
public class TopicsStartup {

  private static final Logger LOG = Logger.getLogger(TopicsStartup.class);

  // Runs before the extension's own StartupEvent observer, which starts the streams.
  void ensureTopics(
      @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event,
      EnrichConfig config) {
    Set<String> created =
        TopicProvisioner.ensureAll(config.kafka().bootstrapServers(), Duration.ofSeconds(30));
    if (!created.isEmpty()) {
      LOG.infof("created Kafka topics %s", created);
    }
  }
}
