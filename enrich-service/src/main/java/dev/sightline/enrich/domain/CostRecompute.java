package dev.sightline.enrich.domain;

import dev.sightline.schemas.avro.CostBreakdown;
import dev.sightline.schemas.avro.CostSource;
import dev.sightline.schemas.avro.ObservationPayload;
import java.util.Objects;
import java.util.Optional;

/**
 * Prices stored observations again with the current price book, through the same {@link
 * CostCalculator} as the live path; a provider-reported cost is never touched.
 */
public final class CostRecompute {

  // Float sums and products differ in the last bits with the order of operations: below a
  // nano-USD (or a billionth of the amount) two costs are the same cost.
  private static final double TOLERANCE = 1e-9;

  private final CostCalculator calculator;

  public CostRecompute(PriceBook prices) {
    this.calculator = new CostCalculator(prices);
  }

  /** The observation's cost under the current prices, or empty when the stored one still holds. */
  public Optional<CostResult> reprice(String projectId, StoredObservation stored) {
    if (stored.cost().source() == CostSource.PROVIDER) {
      return Optional.empty();
    }
    // Without providedCostUsd: a stored row priced by the table never had one.
    ObservationPayload observation =
        ObservationPayload.newBuilder(stored.observation()).setProvidedCostUsd(null).build();
    CostResult now = calculator.cost(projectId, observation, stored.priceAtMicros());
    return sameCost(now, stored.cost()) ? Optional.empty() : Optional.of(now);
  }

  /** Whether two costs are the same result: source, note, price version and amounts. */
  public static boolean sameCost(CostResult a, CostResult b) {
    return a.source() == b.source()
        && Objects.equals(blankToNull(a.note()), blankToNull(b.note()))
        && Objects.equals(blankToNull(a.priceVersion()), blankToNull(b.priceVersion()))
        && sameBreakdown(a.cost(), b.cost());
  }

  /** Whether two amounts in USD are equal up to float noise. */
  public static boolean sameAmount(Double a, Double b) {
    if (a == null || b == null) {
      return a == null && b == null;
    }
    return Math.abs(a - b) <= TOLERANCE * Math.max(1.0, Math.abs(a));
  }

  private static boolean sameBreakdown(CostBreakdown a, CostBreakdown b) {
    if (a == null || b == null) {
      return a == null && b == null;
    }
    return sameAmount(a.getInputUsd(), b.getInputUsd())
        && sameAmount(a.getOutputUsd(), b.getOutputUsd())
        && sameAmount(a.getCacheReadUsd(), b.getCacheReadUsd())
        && sameAmount(a.getCacheCreationUsd(), b.getCacheCreationUsd())
        && sameAmount(a.getTotalUsd(), b.getTotalUsd());
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
