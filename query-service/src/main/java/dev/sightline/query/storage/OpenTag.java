package dev.sightline.query.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The source_part tag of an open day's rollup (AggregateRollups.buildOpen): {@code
 * open:<until>:<digest>}, where until is the second the rolled-up hours end and digest names the
 * set of parts that held their windows. Equal tags mean the same hours from the same parts.
 */
final class OpenTag {

  static final String PREFIX = "open:";

  private OpenTag() {}

  /** The tag of a rollup of the windows before {@code untilSeconds} held by {@code parts}. */
  static String of(long untilSeconds, List<String> parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      // Sorted and newline-separated (part names never hold one), so the order read is irrelevant.
      for (String part : parts.stream().sorted().toList()) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
      }
      return PREFIX + untilSeconds + ":" + HexFormat.of().formatHex(sha.digest(), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The end of the rolled-up hours of a tag made by {@link #of}. */
  static long until(String tag) {
    if (!tag.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not an open rollup tag: " + tag);
    }
    String rest = tag.substring(PREFIX.length());
    return Long.parseLong(rest.substring(0, rest.indexOf(':')));
  }
}
