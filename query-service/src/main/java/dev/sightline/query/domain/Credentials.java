package dev.sightline.query.domain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * What a caller presented in its Authorization header.
 *
 * @param publicKey the public key (Basic auth), or null for a bare Bearer secret
 * @param secret the secret key
 */
public record Credentials(String publicKey, String secret) {

  /** Parses {@code Basic base64(publicKey:secret)} or {@code Bearer secret}; empty if neither. */
  public static Optional<Credentials> parse(String authorization) {
    if (authorization == null) {
      return Optional.empty();
    }
    String header = authorization.strip();
    int space = header.indexOf(' ');
    if (space < 0) {
      return Optional.empty();
    }
    String scheme = header.substring(0, space);
    String value = header.substring(space + 1).strip();
    if (scheme.equalsIgnoreCase("Bearer")) {
      return value.isEmpty() ? Optional.empty() : Optional.of(new Credentials(null, value));
    }
    if (!scheme.equalsIgnoreCase("Basic")) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0 || colon == decoded.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
  }

  /** Never prints the secret, so credentials can appear in logs and assertion messages. */
  @Override
  public String toString() {
    return "Credentials[publicKey=" + publicKey + ", secret=***]";
  }
}
