package dev.sightline.eval.config;

import dev.sightline.eval.domain.Evaluator;
import dev.sightline.eval.domain.LatencyBudgetEvaluator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Makes the configured evaluators beans; every {@link Evaluator} bean runs on each observation. */
@ApplicationScoped
public class EvaluatorProducer {

  @Produces
  @Singleton
  Evaluator latencyBudget(EvalConfig config) {
    EvalConfig.Eval eval = config.eval();
    // Fail start-up with the key to fix rather than the domain's generic message.
    if (eval.latencyBudget().isZero() || eval.latencyBudget().isNegative()) {
      throw new IllegalStateException(
          "sightline.eval.latency-budget must be positive (e.g. 2s), was " + eval.latencyBudget());
    }
    if (eval.observationTypes().isEmpty()) {
      throw new IllegalStateException(
          "sightline.eval.observation-types must name at least one type, e.g. GENERATION");
    }
    return new LatencyBudgetEvaluator(
        eval.latencyBudget(), eval.observationTypes(), Clock.systemUTC());
  }
}
