package dev.sightline.query.storage;

import dev.sightline.query.domain.MaskingRule;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One row of {@code masking_rules}. */
@Embeddable
public class MaskingRuleEmbeddable {

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String pattern;

  /** For Hibernate. */
  protected MaskingRuleEmbeddable() {}

  MaskingRuleEmbeddable(MaskingRule rule) {
    this.name = rule.name();
    this.pattern = rule.pattern();
  }

  MaskingRule toDomain() {
    return new MaskingRule(name, pattern);
  }
}
