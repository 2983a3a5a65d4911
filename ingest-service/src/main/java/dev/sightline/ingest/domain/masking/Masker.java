package dev.sightline.ingest.domain.masking;

import java.util.List;
import java.util.regex.Matcher;

/**
 * Replaces every match of the built-in and a project's own rules by {@code [MASKED:name]}.
 *
 * <p>A project's regex is untrusted for speed (query-service only checks that it compiles), so it
 * runs over a {@link BoundedText} with a step budget; a rule that exhausts it masks the whole value
 * — failing closed, because an unmasked secret is worse than a lost value.
 */
public final class Masker {

  private final List<MaskRule> builtIns;

  /** A masker with the given built-in rules (empty when built-ins are disabled). */
  public Masker(List<MaskRule> builtIns) {
    this.builtIns = List.copyOf(builtIns);
  }

  /** The text with every match masked; the same instance when nothing matched. */
  public String mask(String text, List<MaskRule> projectRules) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    TextTraits traits = TextTraits.of(text);
    if (!traits.none()) {
      for (MaskRule rule : builtIns) {
        if (rule.mayMatch().test(traits)) {
          String masked = apply(rule, out, out);
          if (masked != out) {
            out = masked;
            traits = TextTraits.of(out);
          }
        }
      }
    }
    for (MaskRule rule : projectRules) {
      try {
        out = apply(rule, out, new BoundedText(out));
      } catch (BoundedText.BudgetExhausted e) {
        return rule.marker();
      }
    }
    return out;
  }

  private static String apply(MaskRule rule, String text, CharSequence scanned) {
    Matcher m = rule.pattern().matcher(scanned);
    StringBuilder out = null;
    int last = 0;
    while (m.find()) {
      int start = m.start(rule.group());
      int end = m.end(rule.group());
      if (start < 0 || end == start || !rule.confirm().test(text.substring(start, end))) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, last, start).append(rule.marker());
      last = end;
    }
    if (out == null) {
      return text;
    }
    return out.append(text, last, text.length()).toString();
  }
}
