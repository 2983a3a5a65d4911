package dev.sightline.ingest.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The one way a secret key is hashed: lower-case hex SHA-256 of its UTF-8 bytes. */
public final class SecretHash {

  private SecretHash() {}

  /** Lower-case hex SHA-256 of the secret. */
  public static String sha256Hex(String secret) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** Compares two hex hashes in constant time, so response timing does not leak the hash. */
  public static boolean matches(String expectedHex, String actualHex) {
    return MessageDigest.isEqual(
        expectedHex.getBytes(StandardCharsets.US_ASCII),
        actualHex.getBytes(StandardCharsets.US_ASCII));
  }
}
