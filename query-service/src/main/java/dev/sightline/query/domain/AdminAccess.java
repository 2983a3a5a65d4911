package dev.sightline.query.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** Whether a request may use the admin API, given the configured admin token; pure logic. */
public sealed interface AdminAccess {

  /** The request carries the admin token. */
  record Granted() implements AdminAccess {}

  /** Refused with the HTTP status (401, or 503 while no token is configured) and a safe reason. */
  record Refused(int status, String detail) implements AdminAccess {}

  /** Decides for the configured token and the request's Authorization header (may be null). */
  static AdminAccess decide(Optional<String> configuredToken, String authorization) {
    Optional<String> token = configuredToken.filter(t -> !t.isBlank());
    if (token.isEmpty()) {
      return new Refused(503, "admin API disabled: set SIGHTLINE_ADMIN_TOKEN");
    }
    String header = authorization == null ? "" : authorization.strip();
    if (header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return new Refused(401, "Missing admin token; send Authorization: Bearer <admin token>.");
    }
    if (!sameSecret(header.substring(7).strip(), token.get())) {
      return new Refused(401, "Wrong admin token.");
    }
    return new Granted();
  }

  // Hashing first gives equal lengths, so the comparison time reveals neither length nor prefix.
  private static boolean sameSecret(String presented, String expected) {
    return MessageDigest.isEqual(
        SecretHash.sha256Hex(presented).getBytes(StandardCharsets.US_ASCII),
        SecretHash.sha256Hex(expected).getBytes(StandardCharsets.US_ASCII));
  }
}
