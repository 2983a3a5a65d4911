package dev.sightline.query.domain;

import java.util.List;
import java.util.Optional;

/** Per-project extra masking rules, stored and pushed to ingest like keys. */
public interface MaskingRuleAdmin {

  /** Replaces the project's rules (validated before) and pushes the new set before returning. */
  MaskingRuleSet replace(String projectId, List<MaskingRule> rules);

  /** The project's rules; empty if they were never set. */
  Optional<MaskingRuleSet> find(String projectId);

  /** Every project's rule set, for the periodic re-publish. */
  List<MaskingRuleSet> findAll();
}
