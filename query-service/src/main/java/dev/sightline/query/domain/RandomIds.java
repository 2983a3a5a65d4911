package dev.sightline.query.domain;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Unguessable project ids and key halves from a {@link SecureRandom}. */
public final class RandomIds {

  private static final SecureRandom RANDOM = new SecureRandom();

  private RandomIds() {}

  /** {@code proj_} and 12 random bytes as hex. */
  public static String projectId() {
    return "proj_" + hex(12);
  }

  /** {@code price_} and 12 random bytes as hex: the id of an admin price version. */
  public static String priceId() {
    return "price_" + hex(12);
  }

  /** {@code rcp_} and 12 random bytes as hex: the id of a cost recompute. */
  public static String recomputeId() {
    return "rcp_" + hex(12);
  }

  /** {@code pk-sl-} and 16 random bytes as hex. */
  public static String publicKey() {
    return "pk-sl-" + hex(16);
  }

  /** {@code sk-sl-} and 32 random bytes as hex (256 bits, so one SHA-256 is a safe hash). */
  public static String secretKey() {
    return "sk-sl-" + hex(32);
  }

  private static String hex(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
