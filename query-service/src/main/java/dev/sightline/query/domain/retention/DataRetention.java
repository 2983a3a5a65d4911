package dev.sightline.query.domain.retention;

import java.time.LocalDate;

/** Deletes stored traces, observations, scores and aggregates older than each project keeps. */
public interface DataRetention {

  /** Runs once now and says what it deleted; deletions may finish after it returns. */
  RetentionRun run();

  /** The first day a project keeps: rows of earlier days (UTC) are expired. */
  static LocalDate deleteBefore(LocalDate today, int retentionDays) {
    return today.minusDays(retentionDays);
  }
}
