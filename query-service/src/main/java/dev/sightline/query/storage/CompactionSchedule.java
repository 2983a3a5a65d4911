package dev.sightline.query.storage;

import dev.sightline.query.config.QueryConfig;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import org.jboss.logging.Logger;

/** Runs the partition compaction every {@code sightline.compaction.interval} unless disabled. */
@ApplicationScoped
public class CompactionSchedule {

  private static final Logger LOG = Logger.getLogger(CompactionSchedule.class);

  @Inject PartitionCompactor compactor;

  @Scheduled(
      identity = "sightline-compaction",
      every = "${sightline.compaction.interval}",
      delayed = "10s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Disabled.class)
  void run() {
    try {
      List<String> done = compactor.run();
      if (!done.isEmpty()) {
        LOG.infof("compacted %d closed day partitions: %s", done.size(), done);
      }
    } catch (RuntimeException e) {
      LOG.warnf("compaction failed, next try in one interval: %s", e.getMessage());
    }
  }

  /** Skips scheduled runs while {@code sightline.compaction.enabled} is false. */
  @Singleton
  public static class Disabled implements Scheduled.SkipPredicate {

    @Inject QueryConfig config;

    @Override
    public boolean test(ScheduledExecution execution) {
      return !config.compaction().enabled();
    }
  }
}
