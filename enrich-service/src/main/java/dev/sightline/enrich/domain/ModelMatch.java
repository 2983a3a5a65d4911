package dev.sightline.enrich.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** A model name or {@code *} pattern, matched case-insensitively against reported model names. */
record ModelMatch(String pattern, boolean exact, Pattern regex) {

  static ModelMatch of(String pattern) {
    String normalized = normalize(pattern);
    StringBuilder regex = new StringBuilder();
    for (String part : normalized.split("\\*", -1)) {
      if (!regex.isEmpty()) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    return new ModelMatch(normalized, !normalized.contains("*"), Pattern.compile(regex.toString()));
  }

  boolean matches(String normalizedModel) {
    return exact ? pattern.equals(normalizedModel) : regex.matcher(normalizedModel).matches();
  }

  static String normalize(String model) {
    return model.strip().toLowerCase(Locale.ROOT);
  }
}
