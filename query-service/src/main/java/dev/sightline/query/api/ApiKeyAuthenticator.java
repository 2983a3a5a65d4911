package dev.sightline.query.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sightline.query.config.QueryConfig;
import dev.sightline.query.domain.ApiKey;
import dev.sightline.query.domain.ApiKeyStore;
import dev.sightline.query.domain.AuthDecision;
import dev.sightline.query.domain.Credentials;
import dev.sightline.query.domain.SecretHash;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Decides on credentials with keys from the store, cached briefly so revocation applies fast. */
@ApplicationScoped
public class ApiKeyAuthenticator {

  @Inject QueryConfig config;
  @Inject ApiKeyStore store;

  private Cache<String, Optional<ApiKey>> cache;

  @PostConstruct
  void init() {
    // Unknown keys are cached too, so guessing cannot turn into one PostgreSQL query per request.
    cache =
        Caffeine.newBuilder()
            .expireAfterWrite(config.auth().cacheTtl())
            .maximumSize(config.auth().cacheSize())
            .build();
  }

  /** The decision for these credentials. */
  public AuthDecision decide(Credentials credentials) {
    Optional<ApiKey> key;
    if (credentials.publicKey() != null) {
      key = cache.get("pk:" + credentials.publicKey(), k -> store.findByPublicKey(k.substring(3)));
    } else {
      String hash = SecretHash.sha256Hex(credentials.secret());
      key = cache.get("sha:" + hash, k -> store.findBySecretSha256(hash));
    }
    return AuthDecision.decide(credentials, key);
  }

  /** Forgets every cached lookup, so a key change made here applies at once. */
  public void forgetAll() {
    cache.invalidateAll();
  }
}
