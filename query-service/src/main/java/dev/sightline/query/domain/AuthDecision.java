package dev.sightline.query.domain;

import java.util.Optional;

/** Whether presented credentials open the read API, and for which key; pure logic. */
public sealed interface AuthDecision {

  /** The credentials match a live key that may read. */
  record Accepted(ApiKey key) implements AuthDecision {}

  /** Refused, with the HTTP status (401 or 403) and a reason safe to show the caller. */
  record Rejected(int status, String detail) implements AuthDecision {}

  /** Decides for credentials and the key stored under their public key (or secret hash). */
  static AuthDecision decide(Credentials credentials, Optional<ApiKey> stored) {
    if (stored.isEmpty()) {
      return new Rejected(401, "Invalid public or secret key.");
    }
    ApiKey key = stored.get();
    boolean publicKeyMatches =
        credentials.publicKey() == null || credentials.publicKey().equals(key.publicKey());
    // Hash always compared, so a wrong secret costs the same time as a right one.
    boolean secretMatches = SecretHash.matches(credentials.secret(), key.secretSha256());
    if (!publicKeyMatches || !secretMatches) {
      return new Rejected(401, "Invalid public or secret key.");
    }
    if (key.revoked()) {
      return new Rejected(401, "This API key has been revoked.");
    }
    if (!key.scope().canRead()) {
      return new Rejected(403, "This API key has scope " + key.scope() + " and cannot read.");
    }
    return new Accepted(key);
  }
}
