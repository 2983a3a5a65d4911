package dev.sightline.ingest.domain.masking;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The masking rules every project gets: e-mail, phone, card (Luhn), IBAN (mod 97), common API-key
 * formats, bearer tokens and JWTs.
 *
 * <p>Quantifiers are bounded or anchored on a literal so that no rule backtracks quadratically on a
 * large value, and each rule has a pre-check on the value's {@link TextTraits} so that most values
 * never reach a regex.
 */
public final class BuiltInRules {

  /** In order: specific key formats first, so a JWT after "Bearer" is named a bearer token. */
  public static final List<MaskRule> ALL =
      List.of(
          rule(
              "bearer-token",
              "(?i)\\bbearer\\s{1,8}([A-Za-z0-9._~+/=-]{8,4096})",
              1,
              t -> t.has(TextTraits.BEARER)),
          rule(
              "anthropic-key", "\\bsk-ant-[A-Za-z0-9_-]{20,512}", 0, t -> t.has(TextTraits.SK_ANT)),
          rule(
              "openai-key",
              "\\bsk-(?:proj-|svcacct-)?[A-Za-z0-9_-]{20,512}",
              0,
              t -> t.has(TextTraits.SK)),
          rule("aws-access-key", "\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b", 0, t -> t.has(TextTraits.AWS)),
          rule(
              "github-token",
              "\\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})",
              0,
              t -> t.has(TextTraits.GITHUB)),
          rule("google-api-key", "\\bAIza[0-9A-Za-z_-]{35}", 0, t -> t.has(TextTraits.GOOGLE)),
          rule(
              "slack-token",
              "\\bxox[abposr]-[A-Za-z0-9-]{10,255}",
              0,
              t -> t.has(TextTraits.SLACK)),
          rule(
              "jwt",
              "\\beyJ[A-Za-z0-9_-]{5,8192}\\.eyJ[A-Za-z0-9_-]{5,8192}\\.[A-Za-z0-9_-]{5,8192}",
              0,
              t -> t.has(TextTraits.JWT)),
          rule(
              "email",
              "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\\.){1,8}[A-Za-z]{2,24}\\b",
              0,
              t -> t.has(TextTraits.AT)),
          new MaskRule(
              "iban",
              Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b"),
              0,
              t -> t.has(TextTraits.IBAN_START),
              Checksums::iban),
          // Cards start with 2-6; epoch timestamps (which start with 1) never look like one.
          new MaskRule(
              "card",
              Pattern.compile("(?<![\\d.])[2-6]\\d{3}(?:[ -]?\\d{4}){2}[ -]?\\d{1,7}(?![\\d])"),
              0,
              t -> t.digitCluster() >= 13,
              Checksums::luhn),
          // A phone needs a + prefix or separators, so plain ids and counters stay readable.
          rule(
              "phone",
              "(?<![\\w+])(?:\\+\\d{1,3}[ .-]?(?:\\(\\d{1,4}\\)[ .-]?)?\\d{2,4}(?:[ .-]?\\d{2,4}){1,4}"
                  + "|\\(\\d{3}\\)[ .-]?\\d{3}[ .-]\\d{4}|\\d{3}[.-]\\d{3}[.-]\\d{4})(?![\\w])",
              0,
              // A match is "+d dd dd" (5 digits in one cluster, after a "+digit") or has 10 digits
              // in one cluster; and, as before, the value has 7. Model names like
              // gpt-4o-2024-08-06 and hex ids pass without the regex.
              t ->
                  t.digits() >= 7
                      && (t.has(TextTraits.PLUS_DIGIT)
                          ? t.digitCluster() >= 5
                          : t.digitCluster() >= 10)));

  private BuiltInRules() {}

  private static MaskRule rule(String name, String regex, int group, Predicate<TextTraits> pre) {
    return new MaskRule(name, Pattern.compile(regex), group, pre, match -> true);
  }
}
