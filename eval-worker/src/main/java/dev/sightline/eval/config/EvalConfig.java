package dev.sightline.eval.config;

import dev.sightline.schemas.avro.ObservationType;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Typed configuration of the eval worker (prefix {@code sightline}). */
@ConfigMapping(prefix = "sightline")
public interface EvalConfig {

  /** Kafka connection shared by every Sightline service. */
  Kafka kafka();

  /** The evaluation loop and the built-in evaluators. */
  Eval eval();

  /** Kafka connection. */
  interface Kafka {

    /** Kafka bootstrap servers, comma-separated host:port. */
    @WithDefault("127.0.0.1:9092")
    String bootstrapServers();
  }

  /** The evaluation loop and the built-in evaluators. */
  interface Eval {

    /** Consumer group of the worker; instances with the same id share the partitions. */
    @WithDefault("sightline-eval-worker")
    String groupId();

    /** Where a group without committed offsets starts: earliest (whole retention) or latest. */
    @WithDefault("earliest")
    OffsetReset autoOffsetReset();

    /** Largest latency a scored observation may have to pass the latency_budget evaluator. */
    @WithDefault("2s")
    Duration latencyBudget();

    /** Observation types the latency_budget evaluator scores, comma-separated. */
    @WithDefault("GENERATION")
    Set<ObservationType> observationTypes();

    /** Evaluate only projects whose id starts with this; unset evaluates every project. */
    Optional<String> projectIdPrefix();
  }

  /** Kafka's {@code auto.offset.reset} values that make sense for the worker. */
  enum OffsetReset {
    EARLIEST,
    LATEST;

    /** The value as Kafka spells it. */
    public String kafkaValue() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
