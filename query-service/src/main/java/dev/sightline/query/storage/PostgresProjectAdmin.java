package dev.sightline.query.storage;

import dev.sightline.query.config.QueryConfig;
import dev.sightline.query.domain.ApiKey;
import dev.sightline.query.domain.ChangeNotPublishedException;
import dev.sightline.query.domain.IssuedKey;
import dev.sightline.query.domain.KeySummary;
import dev.sightline.query.domain.Project;
import dev.sightline.query.domain.ProjectAdmin;
import dev.sightline.query.domain.RandomIds;
import dev.sightline.query.domain.Scope;
import dev.sightline.query.domain.SecretHash;
import dev.sightline.query.domain.UnknownResourceException;
import dev.sightline.query.messaging.KeyPublisher;
import dev.sightline.query.messaging.PublicationLock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;

/** {@link ProjectAdmin} on PostgreSQL; key changes commit only after Kafka acknowledged them. */
@ApplicationScoped
public class PostgresProjectAdmin implements ProjectAdmin {

  @Inject QueryConfig config;
  @Inject ProjectRepository projects;
  @Inject ApiKeyRepository keys;
  @Inject KeyPublisher publisher;
  @Inject PublicationLock lock;

  @Override
  @Transactional
  public Project createProject(String name, int retentionDays) {
    ProjectEntity project = new ProjectEntity(RandomIds.projectId(), name, retentionDays, now());
    projects.persist(project);
    return project.toDomain();
  }

  @Override
  @Transactional
  public List<Project> listProjects() {
    return projects.listAll(Sort.by("createdAt").and("id")).stream()
        .map(ProjectEntity::toDomain)
        .toList();
  }

  @Override
  @Transactional
  public Project project(String projectId) {
    return entity(projectId).toDomain();
  }

  @Override
  @Transactional
  public Project setRetentionDays(String projectId, int retentionDays) {
    ProjectEntity project = entity(projectId);
    project.retentionDays(retentionDays);
    return project.toDomain();
  }

  @Override
  public IssuedKey createKey(String projectId, Scope scope, String note) {
    return pushedChange(
        () -> {
          entity(projectId);
          String secret = RandomIds.secretKey();
          Instant now = now();
          ApiKeyEntity key =
              new ApiKeyEntity(
                  RandomIds.publicKey(), projectId, SecretHash.sha256Hex(secret), scope, now);
          key.note(note);
          keys.persist(key);
          push(key);
          return new IssuedKey(key.publicKey(), secret, projectId, scope, note, now);
        });
  }

  @Override
  @Transactional
  public List<KeySummary> listKeys(String projectId) {
    entity(projectId);
    return keys.list("projectId", Sort.by("createdAt").and("publicKey"), projectId).stream()
        .map(ApiKeyEntity::toSummary)
        .toList();
  }

  @Override
  public KeySummary revokeKey(String projectId, String publicKey) {
    return pushedChange(
        () -> {
          ApiKeyEntity key = keys.findById(publicKey);
          if (key == null || !key.projectId().equals(projectId)) {
            throw new UnknownResourceException(
                "No key " + publicKey + " in project " + projectId + ".");
          }
          if (!key.revoked()) {
            key.revoke(now());
          }
          // Pushed again even if already revoked: cheap, and repairs a push that was lost.
          push(key);
          return key.toSummary();
        });
  }

  // Lock, then a transaction that commits only after the push was acknowledged.
  private <T> T pushedChange(Supplier<T> change) {
    return lock.call(() -> QuarkusTransaction.requiringNew().call(change::get));
  }

  private void push(ApiKeyEntity key) {
    // Flush first, so a constraint violation fails before anything reaches ingest.
    keys.flush();
    ApiKey domain = key.toDomain();
    try {
      publisher.publish(List.of(domain), config.admin().publishTimeout());
    } catch (IllegalStateException e) {
      throw new ChangeNotPublishedException(
          "Kafka did not acknowledge the key change within "
              + config.admin().publishTimeout().toSeconds()
              + " s, so nothing was changed; try again once Kafka is up (./sightline status).",
          e);
    }
  }

  private ProjectEntity entity(String projectId) {
    return projects
        .findByIdOptional(projectId)
        .orElseThrow(() -> new UnknownResourceException("No project " + projectId + "."));
  }

  // PostgreSQL keeps microseconds; truncating here makes responses equal what is stored.
  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
