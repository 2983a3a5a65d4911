package dev.sightline.query.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.clickhouse.ClickHouseClient;
import dev.sightline.clickhouse.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  /** How long after its end an hour of today is rolled up: late windows of it have arrived. */
  static final long OPEN_MARGIN = 600;

  private static final String OPEN = OpenTag.PREFIX;

  // How many superseded open rollups of a day may wait before one mutation deletes them all.
  private static final long STALE_BUILDS = 10;

  @Inject ClickHouseClient clickHouse;
  @Inject PartitionInspector inspector;

  /**
   * The rollups a read may use now. {@code days}: day → part, for every day whose aggregates
   * partition is one merged part with a completed rollup of exactly that part. {@code open}: day →
   * its open rollup (see {@link #buildOpen}), for days of [from, to] not in {@code days} whose
   * rolled-up hours are still held by exactly the parts they were built from.
   */
  record Usable(Map<String, String> days, Map<String, Open> open) {

    static final Usable NONE = new Usable(Map.of(), Map.of());

    /** An open day's rollup: hour rows of the windows starting before {@code untilSeconds}. */
    record Open(String tag, long untilSeconds) {}

    /** Every source_part a read may select rollup rows by. */
    List<String> tags() {
      List<String> out = new ArrayList<>(days.values());
      open.values().forEach(o -> out.add(o.tag()));
      return out;
    }

    /** Open day → the second its rolled-up hours end. */
    Map<String, Long> openUntil() {
      Map<String, Long> out = new TreeMap<>();
      open.forEach((day, o) -> out.put(day, o.untilSeconds()));
      return out;
    }
  }

  /**
   * {@link Usable} among {@code partitions} (rows of {@link PartitionInspector#partitions()}, read
   * once per request), for a read of the days [from, to].
   */
  Usable usable(List<JsonNode> partitions, String from, String to) {
    Map<String, String> clean = cleanAggregateParts(partitions);
    Map<String, String> days = new TreeMap<>();
    if (!clean.isEmpty()) {
      List<String> rolled = rolledUp(clean.values());
      clean.forEach(
          (day, part) -> {
            if (rolled.contains(part)) {
              days.put(day, part);
            }
          });
    }
    Map<String, Usable.Open> open = new TreeMap<>();
    Set<String> checked = new HashSet<>();
    for (JsonNode marker :
        clickHouse.rows(
            "SELECT toString(window_date) AS day, source_part FROM "
                + MARKERS
                + " WHERE window_date >= toDate("
                + Sql.quote(from)
                + ") AND window_date <= toDate("
                + Sql.quote(to)
                + ") AND startsWith(source_part, "
                + Sql.quote(OPEN)
                + ") ORDER BY rolled_at DESC")) {
      String day = marker.get("day").asText();
      String tag = marker.get("source_part").asText();
      // Only each day's newest build is checked (one scan of its parts per request): older ones
      // wait for deletion and were superseded because their parts had changed.
      if (days.containsKey(day) || !checked.add(day)) {
        continue;
      }
      long until = OpenTag.until(tag);
      if (OpenTag.of(until, rolledParts(day, until)).equals(tag)) {
        open.put(day, new Usable.Open(tag, until));
      }
    }
    return new Usable(days, open);
  }

  /**
   * Rolls up today's closed hours (those that ended {@link #OPEN_MARGIN} ago), so metrics collapse
   * only the last hour or two of minute windows with {@code FINAL} instead of the whole day (65 ms
   * for 7 hours of the 10M bench, growing through the day). Today's partition keeps receiving
   * parts, so the rollup cannot be tied to one merged part like a closed day's: it is tagged with
   * the set of parts that held those hours' windows when it was built ({@link OpenTag}). Readers
   * check the set again: a late window or a re-delivery for those hours adds a part, and a merge
   * renames one, either of which sends readers back to the minute windows until the next run.
   * Returns the day rolled up, if any.
   */
  List<String> buildOpen(String today, long nowSeconds) {
    long dayStart = LocalDate.parse(today).toEpochDay() * RollupPlan.DAY;
    long until = Math.floorDiv(nowSeconds - OPEN_MARGIN, RollupPlan.HOUR) * RollupPlan.HOUR;
    if (until <= dayStart || until > dayStart + RollupPlan.DAY) {
      return List.of();
    }
    List<String> before = rolledParts(today, until);
    if (before.isEmpty()) {
      return List.of();
    }
    String tag = OpenTag.of(until, before);
    String date = "toDate(" + Sql.quote(today) + ")";
    if (!clickHouse
            .rows(
                "SELECT 1 AS done FROM "
                    + MARKERS
                    + " WHERE window_date = "
                    + date
                    + " AND source_part = "
                    + Sql.quote(tag))
            .isEmpty()
        || hasLegacy(today)) {
      return List.of();
    }
    // FINAL: today's windows have versions in several parts. Its filter is on the window's start,
    // which every version of a window shares.
    insertRollup(
        RollupPlan.HOUR,
        tag,
        "observation_aggregates FINAL WHERE window_date = "
            + date
            + " AND window_start < toDateTime("
            + Sql.number(until)
            + ")");
    boolean unchanged = OpenTag.of(until, rolledParts(today, until)).equals(tag);
    if (unchanged) {
      // Written last: a reader uses the rollup only once all its rows are in.
      clickHouse.execute(
          "INSERT INTO " + MARKERS + " VALUES (" + date + ", " + Sql.quote(tag) + ", now())");
    }
    // Older open rollups of the day (and this one, if its parts changed while it was built).
    String stale =
        " WHERE window_date = "
            + date
            + " AND startsWith(source_part, "
            + Sql.quote(OPEN)
            + ")"
            + (unchanged ? " AND source_part != " + Sql.quote(tag) : "");
    // Deleted in batches: on 18.16 each mutation rewrites the table's parts, and under steady
    // ingestion merges can make every run rebuild; stale rows are never read (readers select by the
    // current tag), so they may wait for a few more builds.
    long staleBuilds =
        clickHouse
            .rows("SELECT uniqExact(source_part) AS builds FROM " + TABLE + stale)
            .get(0)
            .get("builds")
            .asLong();
    if (staleBuilds >= STALE_BUILDS) {
      clickHouse.execute("ALTER TABLE " + TABLE + " DELETE" + stale);
      clickHouse.execute("ALTER TABLE " + MARKERS + " DELETE" + stale);
    }
    return unchanged ? List.of(today) : List.of();
  }

  // The parts of a day's aggregates partition holding windows that start before untilSeconds.
  private List<String> rolledParts(String day, long untilSeconds) {
    return clickHouse
        .rows(
            "SELECT DISTINCT _part AS part FROM observation_aggregates WHERE window_date = toDate("
                + Sql.quote(day)
                + ") AND window_start < toDateTime("
                + Sql.number(untilSeconds)
                + ")")
        .stream()
        .map(r -> r.get("part").asText())
        .toList();
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
    for (long resolution : new long[] {RollupPlan.HOUR, RollupPlan.DAY}) {
      insertRollup(
          resolution,
          part,
          "observation_aggregates WHERE window_date = toDate(" + Sql.quote(day) + ")");
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

  // Rollup rows of one resolution from the windows of {@code source} ("table [FINAL] WHERE …"),
  // tagged {@code tag}. Periods are counted in seconds since the epoch, so they are UTC hours and
  // days whatever the server's time zone.
  private void insertRollup(long resolution, String tag, String source) {
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
            + Sql.quote(tag)
            + " FROM "
            + source
            + " GROUP BY project_id, window_date, period, environment, name, model,"
            + " prompt_name, prompt_version");
  }
}
