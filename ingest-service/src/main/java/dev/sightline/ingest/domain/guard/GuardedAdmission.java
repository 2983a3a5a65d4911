package dev.sightline.ingest.domain.guard;

import dev.sightline.ingest.config.IngestConfig;
import dev.sightline.ingest.domain.masking.BuiltInRules;
import dev.sightline.ingest.domain.masking.EventMasker;
import dev.sightline.ingest.domain.masking.Masker;
import dev.sightline.ingest.domain.masking.ProjectMaskingRules;
import dev.sightline.ingest.domain.ratelimit.ProjectRateLimiter;
import dev.sightline.ingest.messaging.MaskingRuleFeed;
import dev.sightline.schemas.avro.IngestEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The {@link EventAdmission} of the service: an {@link EventGuard} built from the config. */
@ApplicationScoped
public class GuardedAdmission implements EventAdmission {

  private final EventGuard guard;
  private final MaskingRuleFeed rulesFeed;

  @Inject
  GuardedAdmission(IngestConfig config, ProjectMaskingRules projectRules, MaskingRuleFeed feed) {
    GuardConfigCheck.validate(config.ingest());
    IngestConfig.Limits l = config.ingest().limits();
    GuardLimits limits =
        new GuardLimits(
            l.maxEventsPerRequest(),
            l.maxIdLength(),
            l.maxAttributes(),
            l.maxAttributeValueBytes(),
            l.maxInputOutputBytes(),
            l.maxAge(),
            l.maxFutureSkew());
    IngestConfig.RateLimit rate = config.ingest().rateLimit();
    Masker masker =
        new Masker(config.ingest().masking().builtInRules() ? BuiltInRules.ALL : List.of());
    this.guard =
        new EventGuard(
            limits,
            new ProjectRateLimiter(rate.eventsPerSecond(), rate.burst()),
            new EventMasker(masker, projectRules),
            () -> ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()));
    this.rulesFeed = feed;
  }

  /**
   * Admits with pointers in the transport's terms, e.g. {@link EventLocator#batch()}.
   *
   * @throws MaskingRulesLoading before the project masking rules are read (answer 503)
   */
  @Override
  public Admission admit(String projectId, List<IngestEvent> events, EventLocator locator) {
    if (!rulesFeed.caughtUp()) {
      throw new MaskingRulesLoading();
    }
    return guard.admit(projectId, events, locator);
  }
}
