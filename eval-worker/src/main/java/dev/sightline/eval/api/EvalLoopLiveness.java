package dev.sightline.eval.api;

import dev.sightline.eval.messaging.EvalLoop;
import dev.sightline.eval.messaging.EvalWorker;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Down once the eval loop died on an error, so the orchestrator restarts the worker. */
@Liveness
@ApplicationScoped
public class EvalLoopLiveness implements HealthCheck {

  private final EvalWorker worker;

  EvalLoopLiveness(EvalWorker worker) {
    this.worker = worker;
  }

  @Override
  public HealthCheckResponse call() {
    boolean failed = worker.loop().map(EvalLoop::failed).orElse(false);
    return HealthCheckResponse.named("eval-loop").status(!failed).build();
  }
}
