package dev.sightline.ingest.messaging;

import dev.sightline.ingest.domain.masking.ProjectMaskingRules;
import dev.sightline.schemas.avro.MaskingRuleSet;
import dev.sightline.schemas.topics.Topics;
import java.time.Duration;

/** The compacted masking-rules topic, replayed into {@link ProjectMaskingRules}. */
public final class MaskingRuleFeed extends CompactedTopicFeed<MaskingRuleSet> {

  /** A feed that fills {@code rules} once {@link #start()} is called. */
  public MaskingRuleFeed(
      String bootstrapServers, Duration provisionTimeout, ProjectMaskingRules rules) {
    super(bootstrapServers, provisionTimeout, Topics.MASKING_RULES, rules::apply);
  }
}
