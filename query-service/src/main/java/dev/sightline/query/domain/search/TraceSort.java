package dev.sightline.query.domain.search;

import dev.sightline.query.domain.InvalidRequestException;
import java.util.Locale;

/** The allow-list of keys a trace or observation search can be sorted by (time, cost, latency). */
public enum TraceSort {
  TIMESTAMP,
  COST,
  LATENCY;

  /** The sort named by the {@code sort} parameter; anything else is a 400. */
  public static TraceSort parse(String value) {
    if (value == null || value.isBlank()) {
      return TIMESTAMP;
    }
    for (TraceSort sort : values()) {
      if (sort.name().equalsIgnoreCase(value.strip())) {
        return sort;
      }
    }
    throw new InvalidRequestException("sort: must be one of timestamp, cost, latency");
  }

  /** The parameter spelling. */
  public String parameter() {
    return name().toLowerCase(Locale.ROOT);
  }
}
