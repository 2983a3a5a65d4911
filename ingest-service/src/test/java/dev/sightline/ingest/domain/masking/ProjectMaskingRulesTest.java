package dev.sightline.ingest.domain.masking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.schemas.avro.MaskingRule;
import dev.sightline.schemas.avro.MaskingRuleSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectMaskingRulesTest {

  private final ProjectMaskingRules rules = new ProjectMaskingRules();

  private static MaskingRuleSet set(String project, MaskingRule... r) {
    return MaskingRuleSet.newBuilder()
        .setProjectId(project)
        .setRules(List.of(r))
        .setUpdatedAtMicros(1)
        .build();
  }

  @Test
  void ignoresAnInvalidRegexButKeepsTheProjectsOtherRules() {
    rules.apply(
        "p1",
        set("p1", new MaskingRule("broken", "([unclosed"), new MaskingRule("order", "ORD-\\d+")));

    assertThat(rules.of("p1")).extracting(MaskRule::name).containsExactly("order");
  }

  @Test
  void theLatestSetWinsAndATombstoneRemovesTheRules() {
    rules.apply("p2", set("p2", new MaskingRule("a", "a+")));
    rules.apply("p2", set("p2", new MaskingRule("b", "b+")));
    assertThat(rules.of("p2")).extracting(MaskRule::name).containsExactly("b");

    rules.apply("p2", null);
    assertThat(rules.of("p2")).isEmpty();
  }

  @Test
  void rulesOfOneProjectDoNotApplyToAnother() {
    rules.apply("p3", set("p3", new MaskingRule("a", "a+")));

    assertThat(rules.of("p4")).isEmpty();
  }
}
