package dev.sightline.query.storage;

import dev.sightline.query.domain.ApiKey;
import dev.sightline.query.domain.KeySummary;
import dev.sightline.query.domain.Scope;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code api_keys}; the secret itself is never stored, only its SHA-256. */
@Entity
@Table(name = "api_keys")
public class ApiKeyEntity {

  @Id
  @Column(name = "public_key")
  private String publicKey;

  @Column(name = "project_id", nullable = false)
  private String projectId;

  @Column(name = "secret_sha256", nullable = false)
  private String secretSha256;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Scope scope;

  @Column(nullable = false)
  private boolean revoked;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column private String note;

  /** For Hibernate. */
  protected ApiKeyEntity() {}

  public ApiKeyEntity(
      String publicKey, String projectId, String secretSha256, Scope scope, Instant createdAt) {
    this.publicKey = publicKey;
    this.projectId = projectId;
    this.secretSha256 = secretSha256;
    this.scope = scope;
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
  }

  /** Sets the free-text note shown in key listings. */
  public void note(String note) {
    this.note = note;
  }

  /** Marks the key revoked; later requests with it get 401 once caches expire. */
  public void revoke(Instant at) {
    revoked = true;
    revokedAt = at;
    updatedAt = at;
  }

  /** Makes the key live again with the given secret hash (demo bootstrap after a config change). */
  public void restore(String newSecretSha256, Instant at) {
    secretSha256 = newSecretSha256;
    revoked = false;
    revokedAt = null;
    updatedAt = at;
  }

  public String publicKey() {
    return publicKey;
  }

  public String projectId() {
    return projectId;
  }

  public String secretSha256() {
    return secretSha256;
  }

  public boolean revoked() {
    return revoked;
  }

  /** The admin listing view of this row, without the secret's hash. */
  public KeySummary toSummary() {
    return new KeySummary(publicKey, projectId, scope, note, revoked, createdAt, revokedAt);
  }

  /** The domain view of this row. */
  public ApiKey toDomain() {
    return new ApiKey(
        publicKey, projectId, secretSha256, scope, revoked, createdAt, revokedAt, updatedAt);
  }
}
