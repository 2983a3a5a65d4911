package dev.sightline.query;

import dev.sightline.query.domain.Scope;
import dev.sightline.query.domain.SecretHash;
import dev.sightline.query.storage.ApiKeyEntity;
import dev.sightline.query.storage.ApiKeyRepository;
import dev.sightline.query.storage.ProjectEntity;
import dev.sightline.query.storage.ProjectRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;

/** Creates a test project with one key of scope ALL in PostgreSQL. */
final class TestProjects {

  private TestProjects() {}

  /** A project with a key of public key {@code "pk-" + secret}. */
  static void create(
      ProjectRepository projects, ApiKeyRepository keys, String projectId, String secret) {
    create(projects, keys, projectId, "pk-" + secret, secret);
  }

  static void create(
      ProjectRepository projects,
      ApiKeyRepository keys,
      String projectId,
      String publicKey,
      String secret) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Instant now = Instant.now();
              projects.persist(new ProjectEntity(projectId, "search", 30, now));
              keys.persist(
                  new ApiKeyEntity(
                      publicKey, projectId, SecretHash.sha256Hex(secret), Scope.ALL, now));
            });
  }
}
