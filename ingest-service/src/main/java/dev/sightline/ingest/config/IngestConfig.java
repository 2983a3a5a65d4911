package dev.sightline.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Typed configuration of ingest-service, all under the {@code sightline.} prefix. */
@ConfigMapping(prefix = "sightline")
public interface IngestConfig {

  /** Kafka connection. */
  Kafka kafka();

  /** Request handling. */
  Ingest ingest();

  /** Kafka connection settings shared by every Sightline service. */
  interface Kafka {

    /** Kafka bootstrap servers, comma-separated host:port. */
    @WithDefault("127.0.0.1:9092")
    String bootstrapServers();

    /** Timeout of one topic-provisioning attempt at start-up (retried until it works). */
    @WithDefault("30s")
    Duration provisionTimeout();
  }

  /** Limits and producer behaviour of the ingestion endpoints. */
  interface Ingest {

    /** Largest accepted request body in bytes, before and after gzip decompression (413 beyond). */
    @WithDefault("10485760")
    long maxBodyBytes();

    /** How long a request waits for Kafka to acknowledge all its records before answering 503. */
    @WithDefault("10s")
    Duration ackTimeout();

    /** Producer linger: how long the producer waits to batch records of concurrent requests. */
    @WithDefault("5ms")
    Duration linger();

    /** Producer compression codec (none, gzip, snappy, lz4, zstd). */
    @WithDefault("lz4")
    String compression();

    /**
     * Seconds a client is told to wait (Retry-After) when Kafka or the key registry is not ready.
     */
    @WithDefault("5")
    int retryAfterSeconds();
  }
}
