package dev.sightline.query.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.clickhouse.ClickHouseClient;
import dev.sightline.clickhouse.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Collapses each closed day partition (before today, UTC) into one merged part with {@code OPTIMIZE
 * … FINAL}, so reads of those days can skip FINAL (see CleanPartitions). Today keeps receiving rows
 * and is read with FINAL. Clean closed days of the aggregates are then rolled up by hour and day
 * (see AggregateRollups), and today's closed hours get an open rollup (AggregateRollups.buildOpen).
 */
@ApplicationScoped
public class PartitionCompactor {

  @Inject ClickHouseClient clickHouse;
  @Inject PartitionInspector inspector;
  @Inject AggregateRollups rollups;
  @Inject CompactionLock lock;

  Clock clock = Clock.systemUTC();

  /**
   * Compacts every closed day that is not clean yet, then rolls up the aggregates of clean closed
   * days that have no current rollup; returns "table/day" of each one.
   */
  public List<String> run() {
    return run(clock.instant());
  }

  /**
   * {@link #run()} as if it were {@code now}: which day is today, which of its hours are closed.
   * One run at a time in this replica, and none while another replica runs ({@link CompactionLock}:
   * two runs would write the same rollup rows twice); then nothing is done.
   */
  public synchronized List<String> run(Instant now) {
    return lock.tryRun(() -> compact(now)).orElse(List.of());
  }

  private List<String> compact(Instant now) {
    String today = LocalDate.ofInstant(now, ZoneOffset.UTC).toString();
    List<String> done = new ArrayList<>();
    for (JsonNode p : inspector.partitions()) {
      String day = p.get("partition").asText();
      // Days sort as text (ISO dates); anything not a date is left alone.
      if (PartitionInspector.isClean(p)
          || !day.matches("\\d{4}-\\d{2}-\\d{2}")
          || day.compareTo(today) >= 0) {
        continue;
      }
      String table = p.get("table").asText();
      clickHouse.query(
          "OPTIMIZE TABLE " + Sql.identifier(table) + " PARTITION " + Sql.quote(day) + " FINAL");
      done.add(table + "/" + day);
    }
    // After the OPTIMIZEs above, so a day compacted now is rolled up in the same run.
    for (String day : rollups.build(today)) {
      done.add(AggregateRollups.TABLE + "/" + day);
    }
    for (String day : rollups.buildOpen(today, now.getEpochSecond())) {
      done.add(AggregateRollups.TABLE + "/" + day + " (open)");
    }
    return done;
  }
}
