package dev.sightline.query.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.clickhouse.ClickHouseClient;
import dev.sightline.clickhouse.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code system.parts} to tell which day partitions are clean (see CleanPartitions). */
@ApplicationScoped
class PartitionInspector {

  /** The ReplacingMergeTree tables whose reads collapse versions. */
  static final List<String> TABLES =
      List.of("observations", "traces", "scores", "observation_aggregates");

  @Inject ClickHouseClient clickHouse;

  /** Asked on every read, not cached: a cached answer could miss an insert into an old day. */
  CleanPartitions clean() {
    return clean(partitions());
  }

  /** The clean and unclean days of {@link #partitions()} rows already read. */
  static CleanPartitions clean(List<JsonNode> partitions) {
    Map<String, Set<String>> days = new HashMap<>();
    Map<String, Set<String>> dirty = new HashMap<>();
    for (JsonNode row : partitions) {
      (isClean(row) ? days : dirty)
          .computeIfAbsent(row.get("table").asText(), t -> new HashSet<>())
          .add(row.get("partition").asText());
    }
    return new CleanPartitions(days, dirty);
  }

  /** One active part made by a merge: ReplacingMergeTree has collapsed every row identity in it. */
  static boolean isClean(JsonNode partition) {
    return partition.get("parts").asLong() == 1 && partition.get("min_level").asLong() >= 1;
  }

  /**
   * Every active partition: table, partition (a day), part count, the lowest part level and one
   * part's name (the only one when the partition is clean; AggregateRollups tags rollups with it).
   */
  List<JsonNode> partitions() {
    return clickHouse.rows(
        "SELECT table, partition, count() AS parts, min(level) AS min_level, any(name) AS part"
            + " FROM system.parts"
            + " WHERE active AND database = "
            + Sql.quote(clickHouse.database())
            + " AND table IN ("
            + String.join(", ", TABLES.stream().map(Sql::quote).toList())
            + ") GROUP BY table, partition");
  }
}
