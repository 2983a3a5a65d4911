package dev.sightline.query.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.clickhouse.ClickHouseClient;
import dev.sightline.clickhouse.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hourly rollups of closed days' 1-minute aggregates (migration 0004): built by the compaction job,
 * used by metrics reads while the day's partition is still the one merged part they were built
 * from.
 *
 * <p>Why: a week of the 10M-observation bench is ~1.5M windows of one project; summing them took
 * seconds even inside ClickHouse. The rollup holds ~60× fewer rows and is exact: counters add up
 * and sketch bins add up by index, so nothing is approximated that the minute rows did not already.
 */
@ApplicationScoped
class AggregateRollups {

  static final String TABLE = "observation_aggregates_rollup";
  static final String MARKERS = "observation_aggregates_rollups";

  @Inject ClickHouseClient clickHouse;
  @Inject PartitionInspector inspector;

  /**
   * Day → part of every day whose rollup may be read now: among {@code partitions} (rows of {@link
   * PartitionInspector#partitions()}, read once per request) the day's aggregates partition is one
   * merged part and a completed rollup of exactly that part exists.
   */
  Map<String, String> usable(List<JsonNode> partitions) {
    Map<String, String> clean = cleanAggregateParts(partitions);
    Map<String, String> days = new TreeMap<>();
    if (clean.isEmpty()) {
      return days;
    }
    List<String> rolled = rolledUp(clean.values());
    clean.forEach(
        (day, part) -> {
          if (rolled.contains(part)) {
            days.put(day, part);
          }
        });
    return days;
  }

  /**
   * Rolls up every closed, clean day (before {@code today}) that has no rollup of its current part;
   * returns the days rolled up. A day still holding windows written before 0004 (base64 sketches
   * ClickHouse cannot add) is left to the minute rows until retention removes it.
   */
  List<String> build(String today) {
    Map<String, String> clean = cleanAggregateParts(inspector.partitions());
    List<String> rolled = clean.isEmpty() ? List.of() : rolledUp(clean.values());
    List<String> done = new ArrayList<>();
    clean.forEach(
        (day, part) -> {
          if (rolled.contains(part)
              || !day.matches("\\d{4}-\\d{2}-\\d{2}")
              || day.compareTo(today) >= 0
              || hasLegacy(day)) {
            return;
          }
          roll(day, part);
          done.add(day);
        });
    return done;
  }

  // Day → its one part, for every clean partition of the aggregates.
  private static Map<String, String> cleanAggregateParts(List<JsonNode> partitions) {
    Map<String, String> out = new TreeMap<>();
    for (JsonNode p : partitions) {
      if (p.get("table").asText().equals("observation_aggregates")
          && PartitionInspector.isClean(p)) {
        out.put(p.get("partition").asText(), p.get("part").asText());
      }
    }
    return out;
  }

  // Which of these parts have a completed rollup.
  private List<String> rolledUp(Collection<String> parts) {
    return clickHouse
        .rows(
            "SELECT DISTINCT source_part FROM "
                + MARKERS
                + " WHERE source_part IN ("
                + String.join(", ", parts.stream().map(Sql::quote).toList())
                + ")")
        .stream()
        .map(r -> r.get("source_part").asText())
        .toList();
  }

  private boolean hasLegacy(String day) {
    return !clickHouse
        .rows(
            "SELECT 1 AS legacy FROM observation_aggregates WHERE window_date = toDate("
                + Sql.quote(day)
                + ") AND latency_sketch != '' LIMIT 1")
        .isEmpty();
  }

  private void roll(String day, String part) {
    // The partition is one merged part, so each window identity is there once: read as stored.
    // Periods are counted in seconds since the epoch, so they are UTC hours and days whatever the
    // server's time zone.
    for (long resolution : new long[] {RollupPlan.HOUR, RollupPlan.DAY}) {
      String r = Sql.number(resolution);
      clickHouse.execute(
          "INSERT INTO "
              + TABLE
              + " SELECT project_id, window_date, "
              + r
              + ", toDateTime(intDiv(toUInt32(window_start), "
              + r
              + ") * "
              + r
              + ") AS period, environment, name, model, prompt_name, prompt_version, sum(count),"
              + " sum(errors), sum(input_tokens), sum(output_tokens), sum(cost_usd),"
              + " tupleElement(sumMap(latency_bin_index, latency_bin_count) AS bins, 1),"
              + " tupleElement(bins, 2), sum(latency_zero_count), "
              + Sql.quote(part)
              + " FROM observation_aggregates WHERE window_date = toDate("
              + Sql.quote(day)
              + ") GROUP BY project_id, window_date, period, environment, name, model,"
              + " prompt_name, prompt_version");
    }
    String date = "toDate(" + Sql.quote(day) + ")";
    // Written last: a reader uses the rollup only once all its rows are in.
    clickHouse.execute(
        "INSERT INTO " + MARKERS + " VALUES (" + date + ", " + Sql.quote(part) + ", now())");
    // Rollups of the day's earlier parts are never read again (readers select by part).
    String stale = " WHERE window_date = " + date + " AND source_part != " + Sql.quote(part);
    if (!clickHouse.rows("SELECT 1 AS stale FROM " + MARKERS + stale + " LIMIT 1").isEmpty()) {
      clickHouse.execute("ALTER TABLE " + TABLE + " DELETE" + stale);
      clickHouse.execute("ALTER TABLE " + MARKERS + " DELETE" + stale);
    }
  }
}
