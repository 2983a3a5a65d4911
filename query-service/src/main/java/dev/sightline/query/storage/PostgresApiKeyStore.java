package dev.sightline.query.storage;

import dev.sightline.query.domain.ApiKey;
import dev.sightline.query.domain.ApiKeyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** {@link ApiKeyStore} on PostgreSQL through Panache. */
@ApplicationScoped
public class PostgresApiKeyStore implements ApiKeyStore {

  @Inject ApiKeyRepository keys;

  // Transactional so reads also work outside a request (start-up key push).
  @Override
  @Transactional
  public Optional<ApiKey> findByPublicKey(String publicKey) {
    return keys.findByIdOptional(publicKey).map(ApiKeyEntity::toDomain);
  }

  @Override
  @Transactional
  public Optional<ApiKey> findBySecretSha256(String secretSha256) {
    return keys.findBySecretSha256(secretSha256).map(ApiKeyEntity::toDomain);
  }

  @Override
  @Transactional
  public List<ApiKey> findAll() {
    return keys.listAll().stream().map(ApiKeyEntity::toDomain).toList();
  }
}
