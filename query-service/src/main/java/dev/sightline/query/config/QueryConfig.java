package dev.sightline.query.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Typed configuration of query-service under the {@code sightline.} prefix. */
@ConfigMapping(prefix = "sightline")
public interface QueryConfig {

  /** Kafka connection. */
  Kafka kafka();

  /** ClickHouse connection. */
  ClickHouse clickhouse();

  /** The demo project created at start-up. */
  Demo demo();

  /** Authentication of the public API. */
  Auth auth();

  /** Kafka connection settings. */
  interface Kafka {
    /** Kafka bootstrap servers, host:port[,host:port]. */
    @WithDefault("127.0.0.1:9092")
    String bootstrapServers();

    /** How long start-up waits for topic creation and for the key push to be acknowledged. */
    @WithDefault("30s")
    Duration startupTimeout();
  }

  /** ClickHouse connection settings. */
  interface ClickHouse {
    /** Base URL of the ClickHouse HTTP interface. */
    @WithDefault("http://127.0.0.1:8123")
    String url();

    /** Database holding the observations, traces and scores tables; migrated at start-up. */
    @WithDefault("sightline")
    String database();

    /** Timeout of one ClickHouse HTTP request. */
    @WithDefault("30s")
    Duration requestTimeout();
  }

  /** Demo project bootstrap; both keys set (or neither). */
  interface Demo {
    /** Public key of the demo project's key (env SIGHTLINE_DEMO_PUBLIC_KEY); unset: no demo. */
    Optional<String> publicKey();

    /** Secret of the demo project's key (env SIGHTLINE_DEMO_SECRET_KEY); only its hash is kept. */
    Optional<String> secretKey();
  }

  /** Authentication settings. */
  interface Auth {
    /** How long a looked-up key is trusted before PostgreSQL is asked again (revocation lag). */
    @WithDefault("5s")
    Duration cacheTtl();

    /** Most keys kept in the lookup cache. */
    @WithDefault("10000")
    long cacheSize();
  }
}
