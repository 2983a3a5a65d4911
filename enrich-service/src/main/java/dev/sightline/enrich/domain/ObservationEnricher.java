package dev.sightline.enrich.domain;

import dev.sightline.schemas.avro.EnrichedObservation;
import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.avro.ObservationPayload;
import java.time.Clock;
import java.time.Instant;

/** Adds latency, time to first token and cost to an observation. */
public final class ObservationEnricher {

  private final CostCalculator costs;
  private final Clock clock;

  public ObservationEnricher(PriceBook prices, Clock clock) {
    this.costs = new CostCalculator(prices);
    this.clock = clock;
  }

  /** An enricher pricing only with a fixed table (tests, tools). */
  public ObservationEnricher(PriceTable prices, Clock clock) {
    this(new PriceBook(prices), clock);
  }

  /** The enriched form of a single event, versioned by the clock. */
  public EnrichedObservation enrich(IngestEvent event, ObservationPayload observation) {
    return enrich(
        event.getProjectId(),
        event.getEventId(),
        event.getReceivedAtMicros(),
        observation,
        nowMicros(clock));
  }

  /**
   * The enriched form of a (merged) observation.
   *
   * @param receivedAtMicros arrival of its first event; prices the observation when it has no start
   * @param version the row version, stamped as {@code enrichedAtMicros}
   */
  public EnrichedObservation enrich(
      String projectId,
      String eventId,
      long receivedAtMicros,
      ObservationPayload observation,
      long version) {
    Long start = observation.getStartTimeMicros();
    // Prices change over time: the version effective when the call started applies.
    CostResult cost = costs.cost(projectId, observation, start != null ? start : receivedAtMicros);
    return EnrichedObservation.newBuilder()
        .setProjectId(projectId)
        .setEventId(eventId)
        .setReceivedAtMicros(receivedAtMicros)
        .setObservation(observation)
        .setLatencyMs(millisBetween(start, observation.getEndTimeMicros()))
        .setTimeToFirstTokenMs(millisBetween(start, observation.getCompletionStartTimeMicros()))
        .setCost(cost.cost())
        .setCostSource(cost.source())
        .setCostNote(cost.note())
        .setPriceVersion(cost.priceVersion())
        .setEnrichedAtMicros(version)
        .build();
  }

  /** The clock's time in epoch microseconds, the unit of every time in the event model. */
  public static long nowMicros(Clock clock) {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000L;
  }

  private static Double millisBetween(Long fromMicros, Long toMicros) {
    return fromMicros == null || toMicros == null ? null : (toMicros - fromMicros) / 1000.0;
  }
}
