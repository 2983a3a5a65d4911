package dev.sightline.ingest.domain;

import dev.sightline.schemas.avro.KeyScope;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Resolves an {@code Authorization} header to the project key it proves: HTTP Basic {@code
 * publicKey:secretKey} or {@code Bearer secretKey}.
 */
public final class Authenticator {

  private static final String UNKNOWN = "unknown or revoked API key, or wrong secret key";

  private final KeyRegistry registry;

  /** An authenticator over the given registry. */
  public Authenticator(KeyRegistry registry) {
    this.registry = registry;
  }

  /** The key allowed to ingest, or throws {@link AuthenticationFailure}. */
  public ProjectKey authenticate(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw AuthenticationFailure.unauthorized(
          "missing Authorization header: use HTTP Basic publicKey:secretKey");
    }
    String header = authorization.trim();
    String scheme = header.split(" ", 2)[0].toLowerCase(Locale.ROOT);
    String credentials = header.substring(scheme.length()).trim();
    Optional<ProjectKey> found =
        switch (scheme) {
          case "basic" -> basic(credentials);
          case "bearer" -> registry.bySecretHash(SecretHash.sha256Hex(credentials));
          default ->
              throw AuthenticationFailure.unauthorized(
                  "unsupported Authorization scheme; use Basic publicKey:secretKey or Bearer");
        };
    ProjectKey key = found.orElseThrow(() -> AuthenticationFailure.unauthorized(UNKNOWN));
    if (key.scope() == KeyScope.READ) {
      throw AuthenticationFailure.forbidden("API key " + key.publicKey() + " is read-only");
    }
    return key;
  }

  private Optional<ProjectKey> basic(String credentials) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw AuthenticationFailure.unauthorized("malformed Basic credentials: not base64");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw AuthenticationFailure.unauthorized(
          "malformed Basic credentials: expected publicKey:secretKey");
    }
    String secretHash = SecretHash.sha256Hex(decoded.substring(colon + 1));
    Optional<ProjectKey> key = registry.byPublicKey(decoded.substring(0, colon));
    return key.filter(k -> SecretHash.matches(k.secretSha256(), secretHash));
  }
}
