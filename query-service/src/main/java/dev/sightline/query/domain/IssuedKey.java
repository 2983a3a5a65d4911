package dev.sightline.query.domain;

import java.time.Instant;

/**
 * A key just created: the only time its secret exists outside the caller.
 *
 * @param secretKey the secret; only its SHA-256 is stored, so it cannot be shown again
 */
public record IssuedKey(
    String publicKey,
    String secretKey,
    String projectId,
    Scope scope,
    String note,
    Instant createdAt) {

  /** Never prints the secret, so an issued key can appear in logs. */
  @Override
  public String toString() {
    return "IssuedKey[publicKey=" + publicKey + ", projectId=" + projectId + ", secretKey=***]";
  }
}
