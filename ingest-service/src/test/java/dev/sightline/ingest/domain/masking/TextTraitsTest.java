package dev.sightline.ingest.domain.masking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTraitsTest {

  @Test
  void proseWithoutSignsNeedsNoRule() {
    TextTraits t = TextTraits.of("The capital of France is Paris; it has about 2 million people.");

    assertThat(t.none()).isTrue();
    assertThat(t.digits()).isEqualTo(1);
  }

  @Test
  void seesEverySignABuiltInRuleNeeds() {
    assertThat(TextTraits.of("mail me at a@b.io").has(TextTraits.AT)).isTrue();
    assertThat(TextTraits.of("Authorization: Bearer abc").has(TextTraits.BEARER)).isTrue();
    assertThat(TextTraits.of("AUTH BEARER abc").has(TextTraits.BEARER)).isTrue();
    assertThat(TextTraits.of("key sk-proj-abc").has(TextTraits.SK)).isTrue();
    assertThat(TextTraits.of("key sk-proj-abc").has(TextTraits.SK_ANT)).isFalse();
    assertThat(TextTraits.of("key sk-ant-abc").has(TextTraits.SK_ANT)).isTrue();
    assertThat(TextTraits.of("AKIAXXXX").has(TextTraits.AWS)).isTrue();
    assertThat(TextTraits.of("ASIAXXXX").has(TextTraits.AWS)).isTrue();
    assertThat(TextTraits.of("AIzaSy").has(TextTraits.GOOGLE)).isTrue();
    assertThat(TextTraits.of("token ghp_abc").has(TextTraits.GITHUB)).isTrue();
    assertThat(TextTraits.of("ghost writer").has(TextTraits.GITHUB)).isFalse();
    assertThat(TextTraits.of("xoxb-1").has(TextTraits.SLACK)).isTrue();
    assertThat(TextTraits.of("eyJhbGciOi").has(TextTraits.JWT)).isTrue();
    assertThat(TextTraits.of("iban DE89 3704").has(TextTraits.IBAN_START)).isTrue();
    assertThat(TextTraits.of("call +1 555 123 4567").none()).isFalse();
  }

  @Test
  void aSignAtTheVeryEndOfTheValueCounts() {
    assertThat(TextTraits.of("xox").has(TextTraits.SLACK)).isTrue();
    assertThat(TextTraits.of("DE89").has(TextTraits.IBAN_START)).isTrue();
    assertThat(TextTraits.of("DE8").has(TextTraits.IBAN_START)).isFalse();
  }
}
