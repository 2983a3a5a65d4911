package dev.sightline.query;

import dev.sightline.clickhouse.ClickHouseClient;
import dev.sightline.clickhouse.ClickHouseMigrator;
import dev.sightline.query.config.QueryConfig;
import dev.sightline.query.domain.price.DefaultPriceTable;
import dev.sightline.query.domain.price.PriceAdmin;
import dev.sightline.query.messaging.Republisher;
import dev.sightline.query.storage.DemoProjectBootstrap;
import dev.sightline.schemas.topics.TopicProvisioner;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Start-up in order: ClickHouse schema, topics, demo project, default prices, then the push of
 * keys, masking rules and prices.
 */
@ApplicationScoped
public class ServiceStartup {

  private static final Logger LOG = Logger.getLogger(ServiceStartup.class);

  @Inject QueryConfig config;
  @Inject ClickHouseClient clickHouse;
  @Inject DemoProjectBootstrap demo;
  @Inject Republisher republisher;
  @Inject PriceAdmin prices;

  void onStart(@Observes StartupEvent event) {
    // Migrations are idempotent, so query-service can start before enrich-service.
    new ClickHouseMigrator(clickHouse).migrate();
    TopicProvisioner.ensureAll(config.kafka().bootstrapServers(), config.kafka().startupTimeout());
    bootstrapDemo();
    int seeded = seedDefaultPrices();
    var pushed = republisher.republishAll(config.kafka().startupTimeout());
    LOG.infof(
        "seeded %d default prices; pushed %d API keys, %d masking rule sets, %d prices",
        seeded, pushed.keys(), pushed.maskingRuleSets(), pushed.prices());
    republisher.startPeriodic();
  }

  /** Upserts the demo project when both demo keys are configured; safe to call again. */
  public void bootstrapDemo() {
    Optional<String> publicKey = config.demo().publicKey().filter(s -> !s.isBlank());
    Optional<String> secretKey = config.demo().secretKey().filter(s -> !s.isBlank());
    if (publicKey.isPresent() != secretKey.isPresent()) {
      throw new IllegalStateException(
          "set both sightline.demo.public-key and sightline.demo.secret-key"
              + " (SIGHTLINE_DEMO_PUBLIC_KEY / SIGHTLINE_DEMO_SECRET_KEY), or neither");
    }
    if (publicKey.isPresent()) {
      demo.ensure(publicKey.get(), secretKey.get());
    }
  }

  /** Stores the bundled prices not stored yet; safe to call again (returns 0 then). */
  public int seedDefaultPrices() {
    return prices.seedDefaults(DefaultPriceTable.bundled());
  }
}
