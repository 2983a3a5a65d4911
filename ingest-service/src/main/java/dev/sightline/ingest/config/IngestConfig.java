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

    /** Port of the OTLP/gRPC server (0 picks a free port, as the tests do). */
    @WithDefault("4317")
    int grpcPort();

    /** Per-request and per-event limits (sightline.ingest.limits.*). */
    Limits limits();

    /** Masking of secrets and personal data before anything reaches Kafka. */
    Masking masking();

    /** Per-project rate limit (sightline.ingest.rate-limit.*). */
    RateLimit rateLimit();
  }

  /** What one request and one event may contain; see the README table "Limits and bad input". */
  interface Limits {

    /** Most events (spans, batch items) per request; a larger request is refused with 413. */
    @WithDefault("10000")
    int maxEventsPerRequest();

    /** Longest id (trace, span, observation, score, event) in characters; longer → rejected. */
    @WithDefault("256")
    int maxIdLength();

    /** Attributes (trace metadata entries) kept per event; extras are dropped with a marker. */
    @WithDefault("256")
    int maxAttributes();

    /** Largest attribute value, status message or score comment in UTF-8 bytes; longer is cut. */
    @WithDefault("65536")
    int maxAttributeValueBytes();

    /** Largest input, output or retrieval document in UTF-8 bytes; longer is cut with a marker. */
    @WithDefault("1048576")
    int maxInputOutputBytes();

    /** Events whose timestamps are older than this are rejected. */
    @WithDefault("30d")
    Duration maxAge();

    /** Events whose timestamps are further in the future than this are rejected (clock skew). */
    @WithDefault("1d")
    Duration maxFutureSkew();
  }

  /** Masking at the edge. */
  interface Masking {

    /** Whether the built-in rules (e-mail, phone, cards, IBAN, API keys, tokens) are applied. */
    @WithDefault("true")
    boolean builtInRules();
  }

  /** Token bucket per project, counted in events. */
  interface RateLimit {

    /**
     * Sustained events per second per project; 0 disables the limit. Well above what one instance
     * takes (about 80k spans/s, 96k events at 1.2 events per span, on the bench's 2 cores; 100k was
     * the default until the bench hit it), so it only stops a runaway client.
     */
    @WithDefault("250000")
    double eventsPerSecond();

    /** Events a project may send at once above the sustained rate (bucket size). */
    @WithDefault("500000")
    double burst();
  }
}
