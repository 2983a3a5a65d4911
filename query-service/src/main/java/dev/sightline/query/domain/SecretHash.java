package dev.sightline.query.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of key secrets, the only form in which a secret is stored or compared. */
public final class SecretHash {

  private SecretHash() {}

  /** Lowercase hex SHA-256 of the UTF-8 bytes of {@code secret}. */
  public static String sha256Hex(String secret) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /**
   * Whether {@code secret} hashes to {@code expectedSha256Hex}, in time independent of where they
   * differ.
   */
  public static boolean matches(String secret, String expectedSha256Hex) {
    if (secret == null || expectedSha256Hex == null) {
      return false;
    }
    // MessageDigest.isEqual is constant-time for equal lengths; both sides are 64 hex chars.
    return MessageDigest.isEqual(
        sha256Hex(secret).getBytes(StandardCharsets.US_ASCII),
        expectedSha256Hex.getBytes(StandardCharsets.US_ASCII));
  }
}
