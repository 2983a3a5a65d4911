package dev.sightline.query.storage;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One compaction at a time across all query-service replicas: a PostgreSQL session advisory lock.
 *
 * <p>Why: rollups are plain rows selected by their tag, so two replicas building the same day's or
 * the same open day's rollup at once would write every row twice and metrics would double. The lock
 * is held on one pooled connection for the run and released on it (or by PostgreSQL when the
 * connection dies).
 */
@ApplicationScoped
class CompactionLock {

  // Any constant will do; all replicas must agree on it ("SLCOMPAC" in ASCII).
  private static final long KEY = 0x534C_434F_4D50_4143L;

  @Inject AgroalDataSource dataSource;

  /** Runs {@code work} holding the lock; empty, without running it, if another holder has it. */
  <T> Optional<T> tryRun(Supplier<T> work) {
    try (Connection c = dataSource.getConnection()) {
      if (!call(c, "SELECT pg_try_advisory_lock(?)")) {
        return Optional.empty();
      }
      try {
        return Optional.of(work.get());
      } finally {
        call(c, "SELECT pg_advisory_unlock(?)");
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "compaction skipped: PostgreSQL (its lock) is unavailable: " + e.getMessage(), e);
    }
  }

  private static boolean call(Connection c, String sql) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, KEY);
      try (ResultSet r = s.executeQuery()) {
        return r.next() && r.getBoolean(1);
      }
    }
  }
}
