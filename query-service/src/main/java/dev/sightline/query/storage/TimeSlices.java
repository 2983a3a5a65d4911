package dev.sightline.query.storage;

import dev.sightline.query.domain.search.TraceCursor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Growing time slices of a search range, newest first (or oldest first): a time-ordered page is
 * usually filled by the first hour, so the search reads that hour's traces and their observations
 * instead of the whole range; a rare match still reaches the end of the range.
 */
final class TimeSlices {

  private static final List<Duration> WIDTHS =
      List.of(Duration.ofHours(1), Duration.ofHours(5), Duration.ofHours(18), Duration.ofDays(2));

  private TimeSlices() {}

  /**
   * The slices of [from, to) starting at the {@code descending} end; the last one takes the rest.
   *
   * @param edge where to start instead of the range's end (a cursor's position), or null
   */
  static List<Instant[]> of(Instant from, Instant to, boolean descending, Instant edge) {
    List<Instant[]> slices = new ArrayList<>();
    Instant at = edge == null ? (descending ? to : from) : edge;
    for (Duration width : WIDTHS) {
      if (descending ? !at.isAfter(from) : !at.isBefore(to)) {
        return slices;
      }
      Instant next = descending ? max(from, at.minus(width)) : min(to, at.plus(width));
      slices.add(descending ? new Instant[] {next, at} : new Instant[] {at, next});
      at = next;
    }
    if (descending ? at.isAfter(from) : at.isBefore(to)) {
      slices.add(descending ? new Instant[] {from, at} : new Instant[] {at, to});
    }
    return slices;
  }

  /**
   * The slices of a time-sorted page: from the range's end, or from the cursor's position when the
   * page continues an earlier one (its rows are filtered by the cursor exactly; the slices only
   * skip what lies wholly behind it).
   */
  static List<Instant[]> forPage(Instant from, Instant to, boolean descending, TraceCursor cursor) {
    Instant edge = null;
    if (cursor != null) {
      Instant at = SearchSql.instant(cursor.sortValue());
      edge = descending ? min(to, at.plusNanos(1000)) : max(from, at);
    }
    return of(from, to, descending, edge);
  }

  static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
