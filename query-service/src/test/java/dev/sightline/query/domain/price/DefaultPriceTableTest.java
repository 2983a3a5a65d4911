package dev.sightline.query.domain.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DefaultPriceTableTest {

  private static List<ModelPriceVersion> parse(String json) throws IOException {
    return DefaultPriceTable.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void bundlesCurrentModelsOfTheFiveFamiliesAsGlobalVersionsWithDeterministicIds() {
    List<ModelPriceVersion> table = DefaultPriceTable.bundled();

    assertThat(table)
        .extracting(ModelPriceVersion::provider)
        .contains("openai", "anthropic", "google", "mistral", "meta");
    assertThat(table).extracting(ModelPriceVersion::priceId).doesNotHaveDuplicates();
    assertThat(table).allSatisfy(v -> assertThat(v.projectId()).isNull());
    assertThat(table).allSatisfy(v -> assertThat(v.effectiveFrom()).isEqualTo(Instant.EPOCH));
    Map<String, ModelPriceVersion> byId =
        table.stream().collect(Collectors.toMap(ModelPriceVersion::priceId, v -> v));
    assertThat(byId)
        .containsKeys("default:gpt-4o-mini*:2026-11-29", "default:*llama-4-scout*:2026-11-29");
  }

  @Test
  void mapsThePerTokenColumnsToTheUsageTypesEnrichBills() throws IOException {
    ModelPriceVersion v =
        parse(
                """
                {"version": "v9", "effectiveFrom": "2027-01-01T00:00:00Z", "models": [
                  {"model": "claude-x*", "provider": "anthropic", "inputPerMTok": 3,
                   "outputPerMTok": 15, "cacheReadPerMTok": 0.3, "cacheWritePerMTok": 3.75}]}
                """)
            .get(0);

    assertThat(v.priceId()).isEqualTo("default:claude-x*:v9");
    assertThat(v.effectiveFrom()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    assertThat(v.prices())
        .extracting(UsagePrice::usageType, UsagePrice::usdPerMillionTokens)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("input", 3.0),
            org.assertj.core.groups.Tuple.tuple("output", 15.0),
            org.assertj.core.groups.Tuple.tuple("cache_read", 0.3),
            org.assertj.core.groups.Tuple.tuple("cache_creation", 3.75));
  }

  @Test
  void acceptsEnrichServicesFormatWithoutProviderOrEffectiveFrom() throws IOException {
    ModelPriceVersion v =
        parse(
                """
                {"version": "2026-11-29", "models": [
                  {"model": "o3", "inputPerMTok": 2.0, "outputPerMTok": 8.0}]}
                """)
            .get(0);

    assertThat(v.provider()).isNull();
    assertThat(v.effectiveFrom()).isEqualTo(Instant.EPOCH);
    assertThat(v.prices()).hasSize(2);
  }

  @Test
  void namesTheModelOfAMalformedEntry() {
    assertThatThrownBy(
            () ->
                parse(
                    """
                    {"version": "v1", "models": [{"model": "bad-model", "inputPerMTok": -1}]}
                    """))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("bad-model")
        .hasMessageContaining("prices[0].usdPerMillionTokens");
    assertThatThrownBy(() -> parse("{\"models\": []}")).hasMessageContaining("\"version\"");
  }
}
