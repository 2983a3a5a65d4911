package dev.sightline.query;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Strings that break naive SQL, URL or JSON handling; seeded as values and sent as filters. */
final class HostileStrings {

  /** Stored as trace, observation, score, session and user values, so each must match itself. */
  static final List<String> SEEDED =
      List.of(
          "'",
          "\"",
          "\\",
          "\\'",
          "' OR 1=1 --",
          "\\' OR 1=1",
          "x' FORMAT JSON",
          "x FORMAT JSON",
          "x SETTINGS max_threads=1",
          "{x:String}",
          "nul\0byte",
          "%s\n\t\r",
          "Привет 👋 مرحبا 日本語 e\u0301",
          "A".repeat(1000));

  /** Already percent-encoded; the server must reject each with 400. */
  static final List<String> REJECTED_ENCODED =
      List.of("%C3%28", "x%FFy", encode("B".repeat(1001)), "%ED%A0%80");

  private HostileStrings() {}

  /** Percent-encoding for both query and path ({@code %20}, never {@code +}). */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Every value to send, percent-encoded: the seeded ones first, then the rejected ones. */
  static List<String> allEncoded() {
    return java.util.stream.Stream.concat(
            SEEDED.stream().map(HostileStrings::encode), REJECTED_ENCODED.stream())
        .toList();
  }
}
