package dev.sightline.query.domain;

import java.util.List;
import java.util.Optional;

/** Where API keys are kept (PostgreSQL); the read side used by auth and the key push. */
public interface ApiKeyStore {

  /** The key with this public key, revoked or not. */
  Optional<ApiKey> findByPublicKey(String publicKey);

  /** The key whose secret hashes to this value, for Bearer authentication. */
  Optional<ApiKey> findBySecretSha256(String secretSha256);

  /** Every key of every project, revoked ones included. */
  List<ApiKey> findAll();
}
