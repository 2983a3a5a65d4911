package dev.sightline.query.domain;

import java.time.Instant;

/**
 * A project API key as the control plane knows it; the secret only as its SHA-256.
 *
 * @param publicKey identifier sent in the clear (Basic auth user name)
 * @param projectId the project every request with this key is scoped to
 * @param secretSha256 lowercase hex SHA-256 of the secret
 * @param scope what the key may do
 * @param revoked whether the key is no longer accepted
 * @param createdAt when the key was created
 * @param revokedAt when it was revoked, or null
 * @param updatedAt the last change, which orders the key's versions on the keys topic
 */
public record ApiKey(
    String publicKey,
    String projectId,
    String secretSha256,
    Scope scope,
    boolean revoked,
    Instant createdAt,
    Instant revokedAt,
    Instant updatedAt) {}
