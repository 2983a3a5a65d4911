package dev.sightline.ingest.domain;

import dev.sightline.schemas.avro.ApiKeyRecord;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The latest state of every project key, fed from the compacted keys topic; thread-safe. */
public final class KeyRegistry {

  private final Map<String, ProjectKey> byPublicKey = new ConcurrentHashMap<>();
  private final Map<String, ProjectKey> bySecretHash = new ConcurrentHashMap<>();

  /**
   * Applies one record of the keys topic: a null value (tombstone) or a revoked key removes it.
   *
   * @param publicKey the record key; falls back to the value's publicKey when null
   */
  public synchronized void apply(String publicKey, ApiKeyRecord value) {
    String id = publicKey != null ? publicKey : value == null ? null : value.getPublicKey();
    if (id == null) {
      return;
    }
    ProjectKey previous = byPublicKey.remove(id);
    if (previous != null) {
      bySecretHash.remove(previous.secretSha256(), previous);
    }
    if (value == null || value.getRevoked()) {
      return;
    }
    ProjectKey key =
        new ProjectKey(
            id,
            value.getProjectId(),
            value.getSecretSha256().toLowerCase(Locale.ROOT),
            value.getScope());
    byPublicKey.put(id, key);
    bySecretHash.put(key.secretSha256(), key);
  }

  /** The active key with this public half. */
  public Optional<ProjectKey> byPublicKey(String publicKey) {
    return Optional.ofNullable(byPublicKey.get(publicKey));
  }

  /** The active key whose secret hashes to this value (Bearer auth sends only the secret). */
  public Optional<ProjectKey> bySecretHash(String secretSha256) {
    return Optional.ofNullable(bySecretHash.get(secretSha256));
  }

  /** How many keys are active. */
  public int size() {
    return byPublicKey.size();
  }
}
