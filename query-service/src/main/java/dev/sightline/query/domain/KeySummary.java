package dev.sightline.query.domain;

import java.time.Instant;

/**
 * A key as the admin API lists it: never the secret, not even its hash.
 *
 * @param note free text given at creation, or null
 * @param revokedAt when it was revoked, or null
 */
public record KeySummary(
    String publicKey,
    String projectId,
    Scope scope,
    String note,
    boolean revoked,
    Instant createdAt,
    Instant revokedAt) {}
