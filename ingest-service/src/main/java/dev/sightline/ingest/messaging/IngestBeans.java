package dev.sightline.ingest.messaging;

import dev.sightline.ingest.config.IngestConfig;
import dev.sightline.ingest.config.IngestConfigCheck;
import dev.sightline.ingest.domain.Authenticator;
import dev.sightline.ingest.domain.KeyRegistry;
import dev.sightline.ingest.domain.OtlpSpanMapper;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;

/** CDI wiring of the plain Kafka and domain classes; the classes themselves know no framework. */
public class IngestBeans {

  @Produces
  @Singleton
  KeyRegistry keyRegistry() {
    return new KeyRegistry();
  }

  @Produces
  @Singleton
  Authenticator authenticator(KeyRegistry registry) {
    return new Authenticator(registry);
  }

  @Produces
  @Singleton
  OtlpSpanMapper spanMapper() {
    return new OtlpSpanMapper();
  }

  @Produces
  @Singleton
  @Startup
  ApiKeyFeed apiKeyFeed(IngestConfig config, KeyRegistry registry) {
    IngestConfigCheck.validate(config);
    ApiKeyFeed feed =
        new ApiKeyFeed(
            config.kafka().bootstrapServers(), config.kafka().provisionTimeout(), registry);
    feed.start();
    return feed;
  }

  void closeFeed(@Disposes ApiKeyFeed feed) {
    feed.close();
  }

  @Produces
  @Singleton
  @Startup
  EventPublisher eventPublisher(IngestConfig config) {
    IngestConfigCheck.validate(config);
    return new EventPublisher(
        config.kafka().bootstrapServers(),
        config.ingest().ackTimeout(),
        config.ingest().linger(),
        config.ingest().compression());
  }

  void closePublisher(@Disposes EventPublisher publisher) {
    publisher.close();
  }

  @Produces
  @Singleton
  KafkaReachability kafkaReachability(IngestConfig config) {
    return new KafkaReachability(config.kafka().bootstrapServers(), Duration.ofSeconds(3));
  }

  void closeReachability(@Disposes KafkaReachability reachability) {
    reachability.close();
  }
}
