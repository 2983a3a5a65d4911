package dev.sightline.query;

import dev.sightline.query.domain.Scope;
import dev.sightline.query.domain.SecretHash;
import dev.sightline.query.storage.ApiKeyEntity;
import dev.sightline.query.storage.ApiKeyRepository;
import dev.sightline.query.storage.ProjectEntity;
import dev.sightline.query.storage.ProjectRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;

/** Creates a project and a read key for a test, straight in PostgreSQL. */
final class TestProjects {

  private TestProjects() {}

  static void create(
      ProjectRepository projects, ApiKeyRepository keys, String projectId, String secret) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Instant now = Instant.now();
              projects.persist(new ProjectEntity(projectId, "metrics", 30, now));
              keys.persist(
                  new ApiKeyEntity(
                      "pk-" + secret, projectId, SecretHash.sha256Hex(secret), Scope.ALL, now));
            });
  }
}
