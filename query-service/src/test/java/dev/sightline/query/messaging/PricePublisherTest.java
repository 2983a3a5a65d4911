package dev.sightline.query.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.query.domain.price.ModelPriceVersion;
import dev.sightline.query.domain.price.PriceTier;
import dev.sightline.query.domain.price.UsagePrice;
import dev.sightline.schemas.avro.ModelPrice;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PricePublisherTest {

  @Test
  void writesEveryFieldOfAVersionIntoTheTopicRecord() {
    ModelPriceVersion v =
        new ModelPriceVersion(
            "price_1",
            "proj_x",
            "gemini-2.5-pro*",
            "google",
            Instant.parse("2026-12-01T00:00:00Z"),
            List.of(
                new UsagePrice("input", 1.25, List.of(new PriceTier(200_000L, 2.5))),
                new UsagePrice("output", 10.0, List.of())),
            true,
            Instant.parse("2026-12-02T00:00:00.000001Z"));

    ModelPrice r = PricePublisher.record(v);

    assertThat(r.getPriceId()).isEqualTo("price_1");
    assertThat(r.getProjectId()).isEqualTo("proj_x");
    assertThat(r.getModelPattern()).isEqualTo("gemini-2.5-pro*");
    assertThat(r.getProvider()).isEqualTo("google");
    assertThat(r.getEffectiveFromMicros()).isEqualTo(1_796_083_200_000_000L);
    assertThat(r.getPrices().get(0).getTiers().get(0).getAboveTokens()).isEqualTo(200_000L);
    assertThat(r.getPrices().get(0).getTiers().get(0).getUsdPerMillionTokens()).isEqualTo(2.5);
    assertThat(r.getPrices().get(1).getUsageType()).isEqualTo("output");
    assertThat(r.getDeleted()).isTrue();
    assertThat(r.getUpdatedAtMicros()).isEqualTo(1_796_169_600_000_001L);
  }
}
