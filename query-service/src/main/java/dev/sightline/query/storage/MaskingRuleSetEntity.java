package dev.sightline.query.storage;

import dev.sightline.query.domain.MaskingRule;
import dev.sightline.query.domain.MaskingRuleSet;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A row of {@code masking_rule_sets} with its ordered {@code masking_rules}. */
@Entity
@Table(name = "masking_rule_sets")
public class MaskingRuleSetEntity {

  @Id
  @Column(name = "project_id")
  private String projectId;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  // Rules apply in order at ingest, so the position is part of the data.
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "masking_rules", joinColumns = @JoinColumn(name = "project_id"))
  @OrderColumn(name = "position")
  private List<MaskingRuleEmbeddable> rules = new ArrayList<>();

  /** For Hibernate. */
  protected MaskingRuleSetEntity() {}

  public MaskingRuleSetEntity(String projectId) {
    this.projectId = projectId;
  }

  /** Replaces every rule; a new list makes Hibernate delete the old rows before inserting. */
  public void replace(List<MaskingRule> newRules, Instant at) {
    rules = new ArrayList<>(newRules.stream().map(MaskingRuleEmbeddable::new).toList());
    updatedAt = at;
  }

  /** The domain view of this row. */
  public MaskingRuleSet toDomain() {
    return new MaskingRuleSet(
        projectId, rules.stream().map(MaskingRuleEmbeddable::toDomain).toList(), updatedAt);
  }
}
