package dev.sightline.enrich.domain;

import dev.sightline.schemas.avro.EnrichedObservation;
import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.avro.ObservationPayload;
import java.time.Clock;
import java.time.Instant;

/** Adds latency, time to first token and cost to an observation event. */
public final class ObservationEnricher {

  private final PriceTable prices;
  private final CostCalculator costs;
  private final Clock clock;

  public ObservationEnricher(PriceTable prices, Clock clock) {
    this.prices = prices;
    this.costs = new CostCalculator(prices);
    this.clock = clock;
  }

  /** The enriched form of an event whose payload is an observation. */
  public EnrichedObservation enrich(IngestEvent event, ObservationPayload observation) {
    CostResult cost = costs.cost(observation);
    return EnrichedObservation.newBuilder()
        .setProjectId(event.getProjectId())
        .setEventId(event.getEventId())
        .setReceivedAtMicros(event.getReceivedAtMicros())
        .setObservation(observation)
        .setLatencyMs(
            millisBetween(observation.getStartTimeMicros(), observation.getEndTimeMicros()))
        .setTimeToFirstTokenMs(
            millisBetween(
                observation.getStartTimeMicros(), observation.getCompletionStartTimeMicros()))
        .setCost(cost.cost())
        .setCostSource(cost.source())
        .setCostNote(cost.note())
        .setPriceVersion(prices.version())
        .setEnrichedAtMicros(nowMicros(clock))
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
