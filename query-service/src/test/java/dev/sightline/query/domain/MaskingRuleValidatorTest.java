package dev.sightline.query.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskingRuleValidatorTest {

  private static List<MaskingRule> validate(List<MaskingRule> rules) {
    return MaskingRuleValidator.validate(rules, 3, 20);
  }

  @Test
  void acceptsCompilingRulesAndKeepsTheirOrder() {
    List<MaskingRule> rules =
        List.of(new MaskingRule("b", "CUST-\\d{6}"), new MaskingRule("a.1", "[A-Z]{2}\\d+"));

    assertThat(validate(rules)).containsExactlyElementsOf(rules);
    assertThat(validate(List.of())).isEmpty();
  }

  @Test
  void namesTheIndexAndTheRegexErrorOfABadPattern() {
    assertThatThrownBy(
            () -> validate(List.of(new MaskingRule("ok", "x"), new MaskingRule("bad", "a[b"))))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("rule[1] (bad): invalid regex: Unclosed character class");
  }

  @Test
  void limitsTheNumberOfRulesAndTheLengthOfPatterns() {
    assertThatThrownBy(() -> validate(Collections.nCopies(4, new MaskingRule("r", "x"))))
        .hasMessageContaining("at most 3");
    assertThatThrownBy(() -> validate(List.of(new MaskingRule("long", "x".repeat(21)))))
        .hasMessageContaining("rule[0]")
        .hasMessageContaining("longer than 20");
  }

  @Test
  void refusesMissingDuplicateOrUnprintableNamesAndEmptyPatterns() {
    assertThatThrownBy(() -> validate(List.of(new MaskingRule(null, "x"))))
        .hasMessageContaining("rule[0]: name");
    assertThatThrownBy(() -> validate(List.of(new MaskingRule("a b]", "x"))))
        .hasMessageContaining("rule[0]: name");
    assertThatThrownBy(
            () -> validate(List.of(new MaskingRule("same", "x"), new MaskingRule("same", "y"))))
        .hasMessageContaining("rule[1]: name same is used twice");
    assertThatThrownBy(() -> validate(List.of(new MaskingRule("empty", ""))))
        .hasMessageContaining("pattern is empty");
    assertThatThrownBy(() -> validate(null)).isInstanceOf(InvalidRequestException.class);
  }
}
