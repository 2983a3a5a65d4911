package dev.sightline.query.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.clickhouse.ClickHouseClient;
import dev.sightline.clickhouse.Sql;
import dev.sightline.query.domain.Project;
import dev.sightline.query.domain.ProjectAdmin;
import dev.sightline.query.domain.retention.DataRetention;
import dev.sightline.query.domain.retention.ProjectPurge;
import dev.sightline.query.domain.retention.RetentionRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * {@link DataRetention} as one {@code ALTER TABLE … DELETE} mutation per project and table. Day
 * partitions are shared by all projects, so dropping one would take other projects' data with it.
 */
@ApplicationScoped
public class ClickHouseRetention implements DataRetention {

  private static final Logger LOG = Logger.getLogger(ClickHouseRetention.class);

  /** Each table of the ClickHouse migrations and the day column it is partitioned by. */
  static final List<Map.Entry<String, String>> TABLES =
      List.of(
          Map.entry("observations", "event_date"),
          Map.entry("traces", "event_date"),
          Map.entry("scores", "event_date"),
          Map.entry("observation_aggregates", "window_date"),
          // Markers of rollups (observation_aggregates_rollups) have no project and stay: a
          // marker of a part that no longer exists is never matched again.
          Map.entry("observation_aggregates_rollup", "window_date"),
          Map.entry("trace_lookup", "event_date"),
          Map.entry("traces_by_time", "event_date"),
          Map.entry("observations_by_time", "event_date"));

  @Inject ClickHouseClient clickHouse;
  @Inject ProjectAdmin projects;

  Clock clock = Clock.systemUTC();

  @Override
  public synchronized RetentionRun run() {
    LocalDate today = LocalDate.now(clock);
    List<Project> all = projects.listProjects();
    Map<String, List<String>> purgedTables = new LinkedHashMap<>();
    if (!all.isEmpty()) {
      int shortest = all.stream().mapToInt(Project::retentionDays).min().orElseThrow();
      LocalDate scanBefore = DataRetention.deleteBefore(today, shortest);
      for (Map.Entry<String, String> table : TABLES) {
        Map<String, LocalDate> oldest = oldestDays(table.getKey(), table.getValue(), scanBefore);
        for (Project p : all) {
          LocalDate before = DataRetention.deleteBefore(today, p.retentionDays());
          LocalDate first = oldest.get(p.id());
          if (first != null && first.isBefore(before)) {
            delete(table.getKey(), table.getValue(), p.id(), before);
            purgedTables.computeIfAbsent(p.id(), id -> new ArrayList<>()).add(table.getKey());
          }
        }
      }
    }
    List<ProjectPurge> purged = new ArrayList<>();
    for (Project p : all) {
      List<String> tables = purgedTables.get(p.id());
      if (tables != null) {
        purged.add(
            new ProjectPurge(
                p.id(),
                p.retentionDays(),
                DataRetention.deleteBefore(today, p.retentionDays()),
                List.copyOf(tables)));
      }
    }
    LOG.infof("retention: %d projects checked, %d had expired rows", all.size(), purged.size());
    return new RetentionRun(today, all.size(), purged);
  }

  // One scan per table, pruned to partitions some project may have expired, finds who has old
  // rows, so projects without any cost no mutation (on 18.16 a mutation rewrites whole parts).
  private Map<String, LocalDate> oldestDays(String table, String dayColumn, LocalDate before) {
    String day = Sql.identifier(dayColumn);
    Map<String, LocalDate> out = new HashMap<>();
    for (JsonNode row :
        clickHouse.rows(
            "SELECT project_id, toString(min("
                + day
                + ")) AS oldest FROM "
                + Sql.identifier(table)
                + " WHERE "
                + day
                + " < toDate("
                + Sql.quote(before.toString())
                + ") GROUP BY project_id")) {
      out.put(row.get("project_id").asText(), LocalDate.parse(row.get("oldest").asText()));
    }
    return out;
  }

  private void delete(String table, String dayColumn, String projectId, LocalDate before) {
    clickHouse.execute(
        "ALTER TABLE "
            + Sql.identifier(table)
            + " DELETE WHERE project_id = "
            + Sql.quote(projectId)
            + " AND "
            + Sql.identifier(dayColumn)
            + " < toDate("
            + Sql.quote(before.toString())
            + ")");
  }
}
