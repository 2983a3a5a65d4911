package dev.sightline.enrich.storage;

import dev.sightline.clickhouse.ClickHouseClient;
import dev.sightline.clickhouse.ClickHouseMigrator;
import dev.sightline.enrich.config.EnrichConfig;
import dev.sightline.schemas.avro.DeadLetter;
import dev.sightline.schemas.topics.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/** Migrates ClickHouse at start-up and runs the sink on its own thread until shutdown. */
@ApplicationScoped
public class SinkService {

  private static final Logger LOG = Logger.getLogger(SinkService.class);

  private final EnrichConfig config;
  private final ClickHouseClient clickHouse;
  private ClickHouseSink sink;
  private Thread thread;

  SinkService(EnrichConfig config, ClickHouseClient clickHouse) {
    this.config = config;
    this.clickHouse = clickHouse;
  }

  // After the topics exist (TopicsStartup runs at PLATFORM_BEFORE).
  void start(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) StartupEvent event) {
    new ClickHouseMigrator(clickHouse).migrate();
    String bootstrap = config.kafka().bootstrapServers();
    Map<String, Object> consumerConfig =
        new HashMap<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                config.sink().groupId(),
                ConsumerConfig.CLIENT_ID_CONFIG,
                "sightline-clickhouse-sink",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                // Enrich writes in transactions: never store what it aborted.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                // Fewer, fuller fetches under load (the broker's cost is per request); at most
                // 100 ms added to freshness at low rates, well inside the 500 ms flush interval.
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG,
                256 * 1024,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                100));
    // Static membership: a restarted sink reads its partitions again at once (EnrichConfig).
    config
        .instanceId()
        .ifPresent(id -> consumerConfig.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id + "-sink"));
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
    KafkaProducer<String, DeadLetter> deadLetters =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.CLIENT_ID_CONFIG, "sightline-clickhouse-sink-dlq",
                ProducerConfig.ACKS_CONFIG, "all"),
            Topics.DEAD_LETTERS.keySerde().serializer(),
            Topics.DEAD_LETTERS.valueSerde().serializer());
    SinkSettings settings =
        new SinkSettings(
            config.sink().batchRows(), config.sink().flushInterval(), config.sink().maxBackoff());
    sink = new ClickHouseSink(consumer, deadLetters, clickHouse, settings);
    thread = new Thread(sink, "clickhouse-sink");
    thread.start();
    LOG.infof(
        "ClickHouse sink started: %s -> %s (group %s)",
        ClickHouseSink.TOPICS, clickHouse.database(), config.sink().groupId());
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    if (sink != null) {
      sink.stop();
      thread.join(Duration.ofSeconds(15).toMillis());
    }
  }
}
