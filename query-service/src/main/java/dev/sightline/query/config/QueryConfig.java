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

  /** The admin API (projects, keys, masking rules, prices, retention). */
  Admin admin();

  /** Limits on per-project masking rules. */
  Masking masking();

  /** The job that deletes ClickHouse data older than each project's retention. */
  Retention retention();

  /** Trace search, export and metrics limits. */
  Query query();

  /** The job that collapses closed day partitions so their reads can skip FINAL. */
  Compaction compaction();

  /** Partition compaction settings. */
  interface Compaction {
    /** Whether the job runs; off, every read uses FINAL and stays correct, only slower. */
    @WithDefault("true")
    boolean enabled();

    /**
     * How often closed days that received rows since the last run are collapsed again and today's
     * closed hours are rolled up again if their parts changed. Short, because a merge of today's
     * parts sends metrics back to collapsing all of today's minute windows until the next run; a
     * run with nothing to do costs a few queries of milliseconds.
     */
    @WithDefault("1m")
    Duration interval();
  }

  /** Cost recomputes requested through the admin API. */
  Recompute recompute();

  /** Cost recompute settings. */
  interface Recompute {
    /** Longest from..to of one recompute, e.g. 31d; longer answers 400. */
    @WithDefault("31d")
    Duration maxRange();

    /** Most recomputes listed per project (newest first). */
    @WithDefault("100")
    int listLimit();
  }

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

  /** Admin API settings. */
  interface Admin {
    /**
     * Bearer token of the admin API (env SIGHTLINE_ADMIN_TOKEN); unset: the admin API answers 503.
     */
    Optional<String> token();

    /** How long an admin change waits for Kafka to acknowledge its push before it is undone. */
    @WithDefault("10s")
    Duration publishTimeout();

    /** How often every key and masking rule set is pushed again (repairs missed pushes); 0: off. */
    @WithDefault("60s")
    Duration republishInterval();
  }

  /** Masking rule limits, so one project cannot make ingest slow. */
  interface Masking {
    /** Most masking rules per project. */
    @WithDefault("50")
    int maxRules();

    /** Longest regex of one rule, in characters. */
    @WithDefault("1000")
    int maxPatternLength();
  }

  /** Limits of trace search, export and metrics. */
  interface Query {
    /** Longest from..to range of a trace search, e.g. 31d; longer answers 400. */
    @WithDefault("31d")
    Duration maxRange();

    /** ClickHouse max_execution_time of one search; slower answers 503. */
    @WithDefault("10s")
    Duration timeout();

    /** ClickHouse max_result_rows of one search (also bounds its subqueries). */
    @WithDefault("1000000")
    long maxResultRows();

    /** Most rows one GET /api/v1/traces/export streams (newest first); the rest is cut off. */
    @WithDefault("1000000")
    long maxExportRows();

    /** Most groups one metrics request may return; more answers 400 (add a filter). */
    @WithDefault("1000")
    int maxGroups();

    /** Most points of one metrics time series (range / interval); more answers 400. */
    @WithDefault("1000")
    int maxPoints();
  }

  /** Retention job settings; the days themselves are per project (retention_days). */
  interface Retention {
    /** Whether the job runs on its schedule; POST /api/admin/retention/run works either way. */
    @WithDefault("true")
    boolean enabled();

    /** How often the job runs (the first run one interval after start-up), e.g. 1h or 30m. */
    @WithDefault("1h")
    Duration interval();
  }
}
