package dev.sightline.ingest.domain.masking;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One masking rule: text matching {@code pattern} (or its group {@code group}) is replaced by
 * {@code [MASKED:name]}.
 *
 * @param name shown in the marker, e.g. {@code email}
 * @param pattern precompiled regular expression
 * @param group the capturing group to replace (0 = the whole match)
 * @param mayMatch a pre-check on the value's one-pass traits; when it says no, the regex is not run
 * @param confirm checks a match beyond the regex (Luhn, IBAN checksum); false keeps the text
 */
public record MaskRule(
    String name,
    Pattern pattern,
    int group,
    Predicate<TextTraits> mayMatch,
    Predicate<String> confirm) {

  /** A rule without pre-check or confirmation, e.g. a project's own regex. */
  public static MaskRule of(String name, Pattern pattern) {
    return new MaskRule(name, pattern, 0, traits -> true, match -> true);
  }

  /** The replacement text. */
  public String marker() {
    return "[MASKED:" + name + "]";
  }
}
