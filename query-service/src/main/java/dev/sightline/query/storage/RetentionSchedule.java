package dev.sightline.query.storage;

import dev.sightline.query.config.QueryConfig;
import dev.sightline.query.domain.retention.DataRetention;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Runs the retention job every {@code sightline.retention.interval} unless it is disabled. */
@ApplicationScoped
public class RetentionSchedule {

  private static final Logger LOG = Logger.getLogger(RetentionSchedule.class);

  @Inject DataRetention retention;

  // The first run waits one interval, so a restart loop does not hammer ClickHouse.
  @Scheduled(
      identity = "sightline-retention",
      every = "${sightline.retention.interval}",
      delayed = "${sightline.retention.interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Disabled.class)
  void run() {
    try {
      retention.run();
    } catch (RuntimeException e) {
      LOG.warnf("retention run failed, next try in one interval: %s", e.getMessage());
    }
  }

  /** Skips scheduled runs while {@code sightline.retention.enabled} is false. */
  @Singleton
  public static class Disabled implements Scheduled.SkipPredicate {

    @Inject QueryConfig config;

    @Override
    public boolean test(ScheduledExecution execution) {
      return !config.retention().enabled();
    }
  }
}
