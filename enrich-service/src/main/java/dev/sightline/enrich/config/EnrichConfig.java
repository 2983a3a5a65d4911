package dev.sightline.enrich.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;

/** Typed configuration of enrich-service under the {@code sightline.} prefix. */
@ConfigMapping(prefix = "sightline")
public interface EnrichConfig {

  /**
   * A stable name of this instance: the pod name on Kubernetes, the host name under {@code
   * ./sightline}. When set, the Streams threads ({@code NAME-1}, {@code NAME-2}, through {@code
   * kafka-streams.group.instance.id}) and the sink ({@code NAME-sink}) join their groups as static
   * members: an instance that restarts, after a crash too, gets its partitions back as soon as it
   * rejoins, instead of after the 45 s session timeout in which nobody reads them. The price: an
   * instance that stops for good keeps its partitions for that session timeout. Two running
   * instances must never share a name (the second fences the first). Unset: dynamic membership.
   */
  Optional<String> instanceId();

  /** Kafka connection. */
  Kafka kafka();

  /** ClickHouse connection. */
  ClickHouse clickhouse();

  /** The batching ClickHouse sink. */
  Sink sink();

  /** Merging of create and update events. */
  Merge merge();

  /** The 1-minute observation aggregates. */
  Aggregates aggregates();

  /** Cost recomputes requested through query-service's admin API. */
  Recompute recompute();

  /** Settings of the cost recompute consumer. */
  interface Recompute {
    /** Consumer group of the recompute requests; its offsets mark what has run. */
    @WithDefault("sightline-cost-recompute")
    String groupId();

    /** How much of a recompute's range is read from ClickHouse at once (whole minutes). */
    @WithDefault("1h")
    Duration slice();

    /** How long a recompute waits for the price book to reach the prices the admin pushed. */
    @WithDefault("30s")
    Duration priceWait();
  }

  /** Merge settings of observations and traces. */
  interface Merge {
    /** How long updates without their create wait for it; later events are counted as late. */
    @WithDefault("30s")
    Duration grace();

    /** How long an observation without an end time waits before it is counted in aggregates. */
    @WithDefault("5m")
    Duration waitForEnd();

    /** How long merge state is kept after an observation's or trace's latest event. */
    @WithDefault("7d")
    Duration retention();
  }

  /** Aggregate settings. */
  interface Aggregates {
    /** How long after its end a 1-minute window still takes late observations. */
    @WithDefault("24h")
    Duration grace();
  }

  /** Kafka connection settings. */
  interface Kafka {
    /** Kafka bootstrap servers, host:port[,host:port]. */
    @WithDefault("127.0.0.1:9092")
    String bootstrapServers();
  }

  /** ClickHouse connection settings. */
  interface ClickHouse {
    /** Base URL of the ClickHouse HTTP interface. */
    @WithDefault("http://127.0.0.1:8123")
    String url();

    /** Database holding the observations, traces and scores tables; created when missing. */
    @WithDefault("sightline")
    String database();

    /** Timeout of one ClickHouse HTTP request (an insert of one batch). */
    @WithDefault("30s")
    Duration requestTimeout();
  }

  /** Settings of the sink that copies the storage topics into ClickHouse. */
  interface Sink {
    /** Consumer group of the sink; its committed offsets mark what ClickHouse has stored. */
    @WithDefault("sightline-clickhouse-sink")
    String groupId();

    /** A batch is flushed once it holds this many rows (over all tables). */
    @WithDefault("5000")
    @Min(1)
    int batchRows();

    /** A non-empty batch is flushed at the latest this long after its first row arrived. */
    @WithDefault("500ms")
    Duration flushInterval();

    /** Upper bound of the exponential backoff between retries of a failed ClickHouse insert. */
    @WithDefault("5s")
    Duration maxBackoff();
  }
}
