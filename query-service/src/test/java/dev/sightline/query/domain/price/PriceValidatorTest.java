package dev.sightline.query.domain.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.query.domain.InvalidRequestException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceValidatorTest {

  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

  private static ModelPriceVersion validate(String pattern, String from, UsagePrice... prices) {
    return PriceValidator.validate(pattern, " openai ", "", from, List.of(prices), NOW);
  }

  private static UsagePrice price(String type, double usd, PriceTier... tiers) {
    return new UsagePrice(type, usd, List.of(tiers));
  }

  @Test
  void acceptsAValidVersionAndFillsTheDefaults() {
    ModelPriceVersion v =
        PriceValidator.validate(
            " gpt-4.1* ",
            " openai ",
            " ",
            null,
            List.of(
                new UsagePrice("input", 2.0, null),
                price(
                    "output", 8.0, new PriceTier(200_000L, 12.0), new PriceTier(1_000_000L, 16.0))),
            NOW);

    assertThat(v.modelPattern()).isEqualTo("gpt-4.1*");
    assertThat(v.provider()).isEqualTo("openai");
    assertThat(v.projectId()).isNull();
    assertThat(v.effectiveFrom()).isEqualTo(NOW);
    assertThat(v.deleted()).isFalse();
    assertThat(v.prices().get(0).tiers()).isEmpty();
    assertThat(v.prices().get(1).tiers()).hasSize(2);
  }

  @Test
  void readsEffectiveFromWithAnyOffset() {
    assertThat(validate("m", "2026-12-01T02:00:00+02:00", price("input", 1)).effectiveFrom())
        .isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    assertThatThrownBy(() -> validate("m", "yesterday", price("input", 1)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("effectiveFrom");
  }

  @Test
  void rejectsAnEmptyPatternNamingTheField() {
    assertThatThrownBy(() -> validate("  ", null, price("input", 1)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("modelPattern");
  }

  @Test
  void rejectsANegativeOrMissingPriceNamingItsIndex() {
    assertThatThrownBy(() -> validate("m", null, price("input", 1), price("output", -0.5)))
        .hasMessageStartingWith("prices[1].usdPerMillionTokens")
        .hasMessageContaining("-0.5");
    assertThatThrownBy(() -> validate("m", null, new UsagePrice("input", null, null)))
        .hasMessageStartingWith("prices[0].usdPerMillionTokens");
    assertThatThrownBy(() -> validate("m", null, price("input", Double.NaN)))
        .hasMessageStartingWith("prices[0].usdPerMillionTokens");
  }

  @Test
  void rejectsTiersThatDoNotAscend() {
    assertThatThrownBy(
            () ->
                validate(
                    "m",
                    null,
                    price("input", 1, new PriceTier(200_000L, 2.0), new PriceTier(100_000L, 3.0))))
        .hasMessageStartingWith("prices[0].tiers[1].aboveTokens")
        .hasMessageContaining("ascend");
    assertThatThrownBy(() -> validate("m", null, price("input", 1, new PriceTier(0L, 2.0))))
        .hasMessageStartingWith("prices[0].tiers[0].aboveTokens");
    assertThatThrownBy(() -> validate("m", null, price("input", 1, new PriceTier(10L, -2.0))))
        .hasMessageStartingWith("prices[0].tiers[0].usdPerMillionTokens");
  }

  @Test
  void rejectsNoPricesAndAUsageTypePricedTwice() {
    assertThatThrownBy(() -> validate("m", null)).hasMessageStartingWith("prices must list");
    assertThatThrownBy(() -> validate("m", null, price("input", 1), price("input", 2)))
        .hasMessageStartingWith("prices[1].usageType input is priced twice");
    assertThatThrownBy(() -> validate("m", null, price("in put", 1)))
        .hasMessageStartingWith("prices[0].usageType");
  }
}
