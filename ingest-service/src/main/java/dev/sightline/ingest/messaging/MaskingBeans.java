package dev.sightline.ingest.messaging;

import dev.sightline.ingest.config.IngestConfig;
import dev.sightline.ingest.domain.masking.ProjectMaskingRules;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** CDI wiring of the per-project masking rules and the feed that fills them. */
public class MaskingBeans {

  @Produces
  @Singleton
  ProjectMaskingRules projectMaskingRules() {
    return new ProjectMaskingRules();
  }

  @Produces
  @Singleton
  @Startup
  MaskingRuleFeed maskingRuleFeed(IngestConfig config, ProjectMaskingRules rules) {
    MaskingRuleFeed feed =
        new MaskingRuleFeed(
            config.kafka().bootstrapServers(), config.kafka().provisionTimeout(), rules);
    feed.start();
    return feed;
  }

  void closeFeed(@Disposes MaskingRuleFeed feed) {
    feed.close();
  }
}
