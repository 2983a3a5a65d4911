package dev.sightline.ingest.domain.masking;

import dev.sightline.schemas.avro.MaskingRule;
import dev.sightline.schemas.avro.MaskingRuleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jboss.logging.Logger;

/** The latest extra masking rules of every project, compiled once; fed from the rules topic. */
public final class ProjectMaskingRules {

  private static final Logger LOG = Logger.getLogger(ProjectMaskingRules.class);

  private final Map<String, List<MaskRule>> byProject = new ConcurrentHashMap<>();

  /**
   * Applies one record of the rules topic; a null value (tombstone) removes the project's rules. An
   * invalid regex is skipped with a warning: query-service validates on write, so this is only a
   * safety net and must not drop the project's other rules.
   */
  public void apply(String projectId, MaskingRuleSet value) {
    String id = projectId != null ? projectId : value == null ? null : value.getProjectId();
    if (id == null) {
      return;
    }
    if (value == null || value.getRules().isEmpty()) {
      byProject.remove(id);
      return;
    }
    List<MaskRule> rules = new ArrayList<>();
    for (MaskingRule rule : value.getRules()) {
      try {
        rules.add(MaskRule.of(rule.getName(), Pattern.compile(rule.getPattern())));
      } catch (PatternSyntaxException e) {
        LOG.warnf(
            "ignoring masking rule %s of project %s: invalid regex: %s",
            rule.getName(), id, e.getDescription());
      }
    }
    byProject.put(id, List.copyOf(rules));
  }

  /** The project's extra rules, empty when it has none. */
  public List<MaskRule> of(String projectId) {
    return byProject.getOrDefault(projectId, List.of());
  }
}
