package dev.sightline.query.storage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which rows of the aggregates a metrics read takes for each part of its range: day rows for whole
 * rolled-up days, hour rows for whole hours of rolled-up days, 1-minute windows for everything else
 * (the ragged ends, today, days not rolled up yet). Exact either way: a period's rollup row sums
 * precisely the windows that start in it.
 *
 * <p>A rollup row must also fall into one bucket of a time series: hour rows need buckets of whole
 * hours, day rows buckets of whole days (buckets are aligned to the epoch, in UTC).
 */
record RollupPlan(List<Segment> segments) {

  static final long HOUR = 3600;
  static final long DAY = 86_400;

  /** Where the windows starting in [fromSeconds, toSeconds) are read from. */
  enum Source {
    MINUTE,
    HOUR,
    DAY
  }

  /** Windows starting in [fromSeconds, toSeconds), read from {@code source}. */
  record Segment(Source source, long fromSeconds, long toSeconds) {}

  /**
   * The plan for windows starting in [fromSeconds, toSeconds), with {@code rolledUp} the days whose
   * rollup may be read and {@code interval} the time-series bucket width (null for totals).
   */
  static RollupPlan of(long fromSeconds, long toSeconds, Set<String> rolledUp, Duration interval) {
    return of(fromSeconds, toSeconds, rolledUp, Map.of(), interval);
  }

  /**
   * {@link #of(long, long, Set, Duration)} with {@code openUntil}: days still open (today) whose
   * hours before the given second are rolled up (hour rows only; AggregateRollups.buildOpen).
   */
  static RollupPlan of(
      long fromSeconds,
      long toSeconds,
      Set<String> rolledUp,
      Map<String, Long> openUntil,
      Duration interval) {
    long width = interval == null ? 0 : interval.toSeconds();
    boolean hours = width % HOUR == 0;
    boolean days = width % DAY == 0;
    List<Segment> out = new ArrayList<>();
    for (long dayStart = Math.floorDiv(fromSeconds, DAY) * DAY;
        dayStart < toSeconds;
        dayStart += DAY) {
      long from = Math.max(fromSeconds, dayStart);
      long to = Math.min(toSeconds, dayStart + DAY);
      String day = day(dayStart);
      if (hours && rolledUp.contains(day)) {
        if (days && from == dayStart && to == dayStart + DAY) {
          add(out, Source.DAY, from, to);
        } else {
          addHours(out, from, to);
        }
      } else if (hours && openUntil.containsKey(day)) {
        long until = Math.max(from, Math.min(to, openUntil.get(day)));
        addHours(out, from, until);
        add(out, Source.MINUTE, until, to);
      } else {
        add(out, Source.MINUTE, from, to);
      }
    }
    return new RollupPlan(List.copyOf(out));
  }

  // [from, to) from hour rows where whole hours allow, minute windows at the ragged ends.
  private static void addHours(List<Segment> out, long from, long to) {
    long firstHour = Math.floorDiv(from + HOUR - 1, HOUR) * HOUR;
    long endHour = Math.floorDiv(to, HOUR) * HOUR;
    if (firstHour >= endHour) {
      add(out, Source.MINUTE, from, to);
    } else {
      add(out, Source.MINUTE, from, firstHour);
      add(out, Source.HOUR, firstHour, endHour);
      add(out, Source.MINUTE, endHour, to);
    }
  }

  /** The segments read from {@code source}. */
  List<Segment> from(Source source) {
    return segments.stream().filter(s -> s.source() == source).toList();
  }

  // Appends [from, to), joined to the previous segment when it continues it from the same source.
  private static void add(List<Segment> out, Source source, long from, long to) {
    if (from >= to) {
      return;
    }
    Segment last = out.isEmpty() ? null : out.get(out.size() - 1);
    if (last != null && last.source() == source && last.toSeconds() == from) {
      out.set(out.size() - 1, new Segment(source, last.fromSeconds(), to));
    } else {
      out.add(new Segment(source, from, to));
    }
  }

  private static String day(long seconds) {
    return LocalDate.ofInstant(Instant.ofEpochSecond(seconds), ZoneOffset.UTC).toString();
  }
}
