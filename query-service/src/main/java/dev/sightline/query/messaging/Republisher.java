package dev.sightline.query.messaging;

import dev.sightline.query.config.QueryConfig;
import dev.sightline.query.domain.ApiKey;
import dev.sightline.query.domain.ApiKeyStore;
import dev.sightline.query.domain.MaskingRuleAdmin;
import dev.sightline.query.domain.MaskingRuleSet;
import dev.sightline.query.domain.price.ModelPriceVersion;
import dev.sightline.query.domain.price.PriceAdmin;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jboss.logging.Logger;

/**
 * Pushes every key, masking rule set and model price version from PostgreSQL again: at start-up and
 * then periodically, which repairs a push that was lost (broker down, topic deleted, fresh broker).
 */
@ApplicationScoped
public class Republisher {

  private static final Logger LOG = Logger.getLogger(Republisher.class);

  @Inject QueryConfig config;
  @Inject ApiKeyStore keys;
  @Inject MaskingRuleAdmin maskingRules;
  @Inject KeyPublisher keyPublisher;
  @Inject MaskingRulePublisher rulePublisher;
  @Inject PriceAdmin prices;
  @Inject PricePublisher pricePublisher;
  @Inject PublicationLock lock;

  private ScheduledExecutorService timer;

  /** What one re-publish pushed. */
  public record Pushed(int keys, int maskingRuleSets, int prices) {}

  /**
   * Reads and pushes everything under the publication lock, waiting for every acknowledgement.
   *
   * @throws IllegalStateException if Kafka did not acknowledge within {@code timeout}
   */
  public Pushed republishAll(Duration timeout) {
    return lock.call(
        () -> {
          List<ApiKey> allKeys = keys.findAll();
          List<MaskingRuleSet> allSets = maskingRules.findAll();
          keyPublisher.publish(allKeys, timeout);
          List<ModelPriceVersion> allPrices = prices.findAll();
          rulePublisher.publish(allSets, timeout);
          pricePublisher.publish(allPrices, timeout);
          return new Pushed(allKeys.size(), allSets.size(), allPrices.size());
        });
  }

  /** Starts the periodic re-publish every {@code sightline.admin.republish-interval}. */
  public synchronized void startPeriodic() {
    Duration interval = config.admin().republishInterval();
    if (timer != null || interval.isZero() || interval.isNegative()) {
      return;
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sightline-republish");
              t.setDaemon(true);
              return t;
            });
    RepeatingTask.schedule(
        timer,
        interval,
        () -> {
          Pushed pushed = republishAll(config.admin().publishTimeout());
          LOG.debugf(
              "re-published %d keys, %d masking rule sets, %d prices",
              pushed.keys(), pushed.maskingRuleSets(), pushed.prices());
        },
        e -> LOG.warnf("periodic re-publish failed, next try in %s: %s", interval, e.getMessage()));
  }

  synchronized void stop(@Observes ShutdownEvent event) {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
