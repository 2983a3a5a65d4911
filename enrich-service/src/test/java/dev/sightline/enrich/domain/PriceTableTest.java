package dev.sightline.enrich.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PriceTableTest {

  private final PriceTable table =
      new PriceTable(
          "v1",
          List.of(
              new ModelPrice("gpt-4.1*", 2.0, 8.0, null, null),
              new ModelPrice("gpt-4.1-mini*", 0.4, 1.6, null, null),
              new ModelPrice("gpt-4.1-mini-special", 9.0, 9.0, null, null)));

  @Test
  void anExactNameBeatsEveryPattern() {
    assertThat(table.find("gpt-4.1-mini-special"))
        .get()
        .extracting(ModelPrice::inputPerMTok)
        .isEqualTo(9.0);
  }

  @Test
  void theLongestMatchingPatternWins() {
    assertThat(table.find("gpt-4.1-mini-2025-04-14"))
        .get()
        .extracting(ModelPrice::model)
        .isEqualTo("gpt-4.1-mini*");
    assertThat(table.find("gpt-4.1-2025-04-14"))
        .get()
        .extracting(ModelPrice::model)
        .isEqualTo("gpt-4.1*");
  }

  @Test
  void matchesIgnoreCaseAndUnknownModelsFindNothing() {
    assertThat(table.find("GPT-4.1")).isPresent();
    assertThat(table.find("llama-2")).isEmpty();
    assertThat(table.find(null)).isEmpty();
  }

  @Test
  void theDefaultTableLoadsWithAVersionAndKnowsCurrentModels() {
    PriceTable defaults = PriceTable.loadDefault();
    assertThat(defaults.version()).isEqualTo("2026-11-29");
    assertThat(defaults.find("gpt-4.1-mini"))
        .get()
        .extracting(ModelPrice::outputPerMTok)
        .isEqualTo(1.6);
    assertThat(defaults.find("claude-sonnet-4-5-20250929")).isPresent();
    assertThat(defaults.find("gemini-2.5-flash-lite"))
        .get()
        .extracting(ModelPrice::model)
        .isEqualTo("gemini-2.5-flash-lite*");
    assertThat(defaults.find("meta-llama/llama-3.3-70b-instruct")).isPresent();
  }
}
