package dev.sightline.eval.api;

import dev.sightline.eval.messaging.EvalLoop;
import dev.sightline.eval.messaging.EvalWorker;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the eval loop is polling and the group assigned it at least one partition. */
@Readiness
@ApplicationScoped
public class EvalLoopReadiness implements HealthCheck {

  private final EvalWorker worker;

  EvalLoopReadiness(EvalWorker worker) {
    this.worker = worker;
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("eval-loop").down();
    worker
        .loop()
        .ifPresent(
            loop -> {
              response
                  .status(loop.running() && loop.assignedPartitions() > 0)
                  .withData("running", loop.running())
                  .withData("assignedPartitions", loop.assignedPartitions());
              addCounters(response, loop);
            });
    return response.build();
  }

  private static void addCounters(HealthCheckResponseBuilder response, EvalLoop loop) {
    response
        .withData("observations", loop.stats().observations())
        .withData("undecodableSkipped", loop.stats().undecodable())
        .withData("skippedByType", loop.stats().skippedByType())
        .withData("evaluatorFailures", loop.stats().evaluatorFailures())
        .withData("scoresSent", loop.stats().scoresSent());
  }
}
