package dev.sightline.query.domain;

import java.time.Instant;
import java.util.List;

/**
 * All extra masking rules of one project, as pushed to ingest.
 *
 * @param updatedAt the last change, which orders the set's versions on the topic
 */
public record MaskingRuleSet(String projectId, List<MaskingRule> rules, Instant updatedAt) {}
