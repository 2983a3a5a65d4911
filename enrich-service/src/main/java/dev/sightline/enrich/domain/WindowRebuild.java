package dev.sightline.enrich.domain;

import dev.sightline.schemas.avro.EnrichedObservation;
import dev.sightline.schemas.avro.ObservationAggregate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rebuilds 1-minute aggregate windows from stored observations, with {@link ObservationAggregates}
 * exactly as the live topology builds them, and versions them so they win over the live rows.
 */
public final class WindowRebuild {

  /** Length of an aggregate window. */
  public static final long WINDOW_MILLIS = 60_000L;

  // Live windows are versioned by their count (< 2^32); a rebuilt one puts the request time
  // (seconds since 2020, 31 bits until 2088) above it, so any rebuild beats any live row and a
  // later rebuild beats an earlier one.
  private static final long EPOCH_2020_SECONDS =
      Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();

  private WindowRebuild() {}

  /**
   * The windows of the observations, keyed by {@link #key}; the observations are summed in (trace,
   * observation) order, so the same rows always give the same float sums.
   */
  public static Map<String, ObservationAggregate> windows(
      String projectId, List<StoredObservation> observations) {
    List<StoredObservation> ordered = new ArrayList<>(observations);
    ordered.sort(
        Comparator.comparing((StoredObservation o) -> o.observation().getTraceId())
            .thenComparing(o -> o.observation().getObservationId()));
    Map<String, ObservationAggregate> windows = new TreeMap<>();
    for (StoredObservation o : ordered) {
      long start = Math.floorDiv(o.observation().getStartTimeMicros() / 1000, WINDOW_MILLIS);
      ObservationAggregate one =
          ObservationAggregate.newBuilder(ObservationAggregates.of(enriched(projectId, o)))
              .setWindowStartMillis(start * WINDOW_MILLIS)
              .setWindowEndMillis(start * WINDOW_MILLIS + WINDOW_MILLIS)
              .build();
      windows.merge(key(one), one, ObservationAggregates::merge);
    }
    return windows;
  }

  /** The identity of a window row: its group and start. */
  public static String key(ObservationAggregate a) {
    return ObservationAggregates.groupKey(a) + "@" + a.getWindowStartMillis();
  }

  /** Whether a stored window already holds what a rebuild computed. */
  public static boolean same(ObservationAggregate rebuilt, StoredWindow stored) {
    ObservationAggregate a = rebuilt;
    ObservationAggregate b = stored.counters();
    return a.getCount() == b.getCount()
        && a.getErrors() == b.getErrors()
        && a.getInputTokens() == b.getInputTokens()
        && a.getOutputTokens() == b.getOutputTokens()
        && CostRecompute.sameAmount(a.getCostUsd(), b.getCostUsd())
        // The protobuf form depends only on the bins, not on the order values were added.
        && Arrays.equals(
            LatencySketch.toProtobuf(ObservationAggregates.bytes(a.getLatencySketch())),
            stored.sketchProtobuf());
  }

  /** The row version of a window rebuilt by a recompute requested at {@code requestedAtMicros}. */
  public static long version(long requestedAtMicros, long count) {
    long seconds = Math.max(0, requestedAtMicros / 1_000_000L - EPOCH_2020_SECONDS);
    return (seconds << 32) | (count & 0xFFFF_FFFFL);
  }

  private static EnrichedObservation enriched(String projectId, StoredObservation o) {
    return EnrichedObservation.newBuilder()
        .setProjectId(projectId)
        .setEventId("")
        .setReceivedAtMicros(o.observation().getStartTimeMicros())
        .setObservation(o.observation())
        .setLatencyMs(o.latencyMs())
        .setCost(o.cost().cost())
        .setCostSource(o.cost().source())
        .setCostNote(o.cost().note())
        .setPriceVersion(o.cost().priceVersion())
        .setEnrichedAtMicros(0)
        .build();
  }
}
