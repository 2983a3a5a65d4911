package dev.sightline.query.storage;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Panache access to {@code api_keys}. */
@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKeyEntity, String> {

  /** The key whose secret hashes to this value (the column is unique). */
  public Optional<ApiKeyEntity> findBySecretSha256(String secretSha256) {
    return find("secretSha256", secretSha256).firstResultOptional();
  }
}
