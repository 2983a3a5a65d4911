package dev.sightline.ingest.domain;

import dev.sightline.schemas.avro.KeyScope;

/**
 * An active project key as ingest knows it.
 *
 * @param publicKey the public half, sent as the Basic user name
 * @param projectId the project every event sent with this key belongs to
 * @param secretSha256 lower-case hex SHA-256 of the secret half
 * @param scope what the key may do
 */
public record ProjectKey(String publicKey, String projectId, String secretSha256, KeyScope scope) {}
