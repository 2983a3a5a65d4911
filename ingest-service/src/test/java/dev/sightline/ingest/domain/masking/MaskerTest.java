package dev.sightline.ingest.domain.masking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskerTest {

  private final Masker masker = new Masker(BuiltInRules.ALL);

  private String mask(String text) {
    return masker.mask(text, List.of());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "email            | write to alice.smith+tag@example.co.uk today",
        "phone            | call +1 415 555 2671 now",
        "phone            | call +49 30 1234567 now",
        "phone            | call (415) 555-2671 now",
        "phone            | call 415-555-2671 now",
        "card             | card 4111 1111 1111 1111 exp 12/29",
        "card             | card 5500-0000-0000-0004 ok",
        "card             | card 378282246310005 ok",
        "iban             | pay to DE89 3704 0044 0532 0130 00 please",
        "iban             | pay to GB82WEST12345698765432 please",
        "openai-key       | key sk-proj-abcdefghijklmnopqrstuvwxyz123456 here",
        "anthropic-key    | key sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123 here",
        "aws-access-key   | id AKIAIOSFODNN7EXAMPLE here",
        "github-token     | token ghp_abcdefghijklmnopqrstuvwxyz0123456789 here",
        "google-api-key   | key AIzaSyA1234567890abcdefghijklmnopqrstuv here",
        "slack-token      | token xoxb-1234567890-abcdefghij here",
        "jwt              | t eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0 x",
      })
  void masksEachBuiltInKindAndSaysWhatWasMasked(String rule, String text) {
    String masked = mask(text);

    assertThat(masked).contains("[MASKED:" + rule + "]");
    // The words around the secret stay readable.
    assertThat(masked.split(" ")[0]).isEqualTo(text.split(" ")[0]);
  }

  @Test
  void masksOnlyTheTokenOfABearerHeader() {
    assertThat(mask("Authorization: Bearer abc123def456ghi789"))
        .isEqualTo("Authorization: Bearer [MASKED:bearer-token]");
  }

  @Test
  void keepsLookAlikesThatFailTheChecksum() {
    assertThat(mask("card 4111 1111 1111 1112")).isEqualTo("card 4111 1111 1111 1112");
    assertThat(mask("iban DE89 3704 0044 0532 0130 01"))
        .isEqualTo("iban DE89 3704 0044 0532 0130 01");
  }

  @Test
  void keepsTimestampsIdsAndVersionsReadable() {
    String text =
        "trace 0af7651916cd43dd8448eb211c80319c at 1700000000000000 took 1234 ms, "
            + "uuid 123e4567-e89b-12d3-a456-426614174000, v1.2.3, tokens 4096, 2024-01-15";

    assertThat(mask(text)).isSameAs(text);
  }

  @Test
  void appliesAProjectRuleAfterTheBuiltIns() {
    MaskRule customer = MaskRule.of("customer-id", Pattern.compile("CUST-\\d{6}"));

    assertThat(masker.mask("CUST-123456 wrote bob@example.com", List.of(customer)))
        .isEqualTo("[MASKED:customer-id] wrote [MASKED:email]");
  }

  @Test
  void masksTheWholeValueWhenAProjectRuleBacktracksCatastrophically() {
    MaskRule evil = MaskRule.of("evil", Pattern.compile("(a+)+b"));
    String text = "a".repeat(5_000) + "c";

    String masked = masker.mask(text, List.of(evil));

    assertThat(masked).isEqualTo("[MASKED:evil]");
  }

  @Test
  void masksNothingBuiltInWhenBuiltInsAreDisabled() {
    Masker none = new Masker(List.of());

    assertThat(none.mask("bob@example.com", List.of())).isEqualTo("bob@example.com");
  }
}
