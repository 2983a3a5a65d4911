package dev.sightline.query.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks masking rules before they are stored, so ingest never receives a rule it cannot use. */
public final class MaskingRuleValidator {

  /** Rule names end up in markers like {@code [MASKED:name]}, so keep them plain. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private MaskingRuleValidator() {}

  /**
   * The rules, unchanged, if all are valid.
   *
   * @throws InvalidRequestException naming the first bad rule by its index and why it is bad
   */
  public static List<MaskingRule> validate(List<MaskingRule> rules, int maxRules, int maxLength) {
    if (rules == null) {
      throw new InvalidRequestException("Send a JSON array of {name, pattern} rules ([] clears).");
    }
    if (rules.size() > maxRules) {
      throw new InvalidRequestException(
          rules.size() + " rules sent; at most " + maxRules + " are allowed per project.");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < rules.size(); i++) {
      MaskingRule rule = rules.get(i);
      String at = "rule[" + i + "]";
      if (rule == null || rule.name() == null || !NAME.matcher(rule.name()).matches()) {
        throw new InvalidRequestException(
            at + ": name must be 1–64 characters of A-Z a-z 0-9 _ . -");
      }
      if (!names.add(rule.name())) {
        throw new InvalidRequestException(at + ": name " + rule.name() + " is used twice.");
      }
      if (rule.pattern() == null || rule.pattern().isEmpty()) {
        throw new InvalidRequestException(at + " (" + rule.name() + "): pattern is empty.");
      }
      if (rule.pattern().length() > maxLength) {
        throw new InvalidRequestException(
            at + " (" + rule.name() + "): pattern longer than " + maxLength + " characters.");
      }
      try {
        Pattern.compile(rule.pattern());
      } catch (PatternSyntaxException e) {
        throw new InvalidRequestException(
            at + " (" + rule.name() + "): invalid regex: " + e.getMessage());
      }
    }
    return List.copyOf(rules);
  }
}
