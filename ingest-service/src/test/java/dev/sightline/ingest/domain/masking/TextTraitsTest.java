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
  void countsTheDigitsOfTheLongestClusterThatAPhoneOrCardCouldSpan() {
    assertThat(TextTraits.of("call +1 (555) 123-4567 now").digitCluster()).isEqualTo(11);
    assertThat(TextTraits.of("card 4111 1111 1111 1111.").digitCluster()).isEqualTo(16);
    // Hex ids and scattered numbers never form a cluster long enough for either rule.
    assertThat(TextTraits.of("chatcmpl-3f9a8b7c6d5e4f3a").digitCluster()).isLessThan(5);
    assertThat(TextTraits.of("in 2024 we sold 1500 units").digitCluster()).isEqualTo(4);
    assertThat(TextTraits.of("12    34").digitCluster()).isEqualTo(2);
    assertThat(TextTraits.of("call +1 555").has(TextTraits.PLUS_DIGIT)).isTrue();
    assertThat(TextTraits.of("a + b").has(TextTraits.PLUS_DIGIT)).isFalse();
  }

  @Test
  void aSignAtTheVeryEndOfTheValueCounts() {
    assertThat(TextTraits.of("xox").has(TextTraits.SLACK)).isTrue();
    assertThat(TextTraits.of("DE89").has(TextTraits.IBAN_START)).isTrue();
    assertThat(TextTraits.of("DE8").has(TextTraits.IBAN_START)).isFalse();
  }
}
