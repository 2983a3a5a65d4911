package dev.sightline.enrich.messaging;

import dev.sightline.clickhouse.ClickHouseClient;
import dev.sightline.enrich.config.EnrichConfig;
import dev.sightline.enrich.domain.PriceBook;
import dev.sightline.enrich.storage.CostRecomputeRunner;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Runs the cost recompute consumer on its own thread until shutdown. */
@ApplicationScoped
public class RecomputeService {

  private final EnrichConfig config;
  private final ClickHouseClient clickHouse;
  private final PriceBook prices;
  private RecomputeConsumer consumer;
  private Thread thread;

  RecomputeService(EnrichConfig config, ClickHouseClient clickHouse, PriceBook prices) {
    this.config = config;
    this.clickHouse = clickHouse;
    this.prices = prices;
  }

  // Default priority: after TopicsStartup (topics) and SinkService (ClickHouse migrations).
  void start(@Observes StartupEvent event) {
    KafkaConsumer<String, byte[]> kafka =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                config.recompute().groupId(),
                ConsumerConfig.CLIENT_ID_CONFIG,
                "sightline-cost-recompute",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                1,
                // One recompute of a long range may take minutes between polls.
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
                (int) Duration.ofMinutes(30).toMillis()),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    CostRecomputeRunner runner =
        new CostRecomputeRunner(
            clickHouse,
            prices,
            config.recompute().slice(),
            config.recompute().priceWait(),
            Clock.systemUTC());
    consumer = new RecomputeConsumer(kafka, runner);
    thread = new Thread(consumer, "cost-recompute");
    thread.start();
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    if (consumer != null) {
      consumer.stop();
      thread.join(Duration.ofSeconds(15).toMillis());
    }
  }
}
