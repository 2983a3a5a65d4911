package dev.sightline.query.storage;

import dev.sightline.query.config.QueryConfig;
import dev.sightline.query.domain.ChangeNotPublishedException;
import dev.sightline.query.domain.MaskingRule;
import dev.sightline.query.domain.MaskingRuleAdmin;
import dev.sightline.query.domain.MaskingRuleSet;
import dev.sightline.query.domain.UnknownResourceException;
import dev.sightline.query.messaging.MaskingRulePublisher;
import dev.sightline.query.messaging.PublicationLock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** {@link MaskingRuleAdmin} on PostgreSQL; a change commits only after Kafka acknowledged it. */
@ApplicationScoped
public class PostgresMaskingRuleAdmin implements MaskingRuleAdmin {

  @Inject QueryConfig config;
  @Inject ProjectRepository projects;
  @Inject MaskingRuleSetRepository sets;
  @Inject MaskingRulePublisher publisher;
  @Inject PublicationLock lock;

  @Override
  public MaskingRuleSet replace(String projectId, List<MaskingRule> rules) {
    return lock.call(
        () ->
            QuarkusTransaction.requiringNew()
                .call(
                    () -> {
                      requireProject(projectId);
                      MaskingRuleSetEntity set = sets.findById(projectId);
                      if (set == null) {
                        set = new MaskingRuleSetEntity(projectId);
                        set.replace(rules, PostgresProjectAdmin.now());
                        sets.persist(set);
                      } else {
                        set.replace(rules, PostgresProjectAdmin.now());
                      }
                      sets.flush();
                      MaskingRuleSet domain = set.toDomain();
                      push(domain);
                      return domain;
                    }));
  }

  @Override
  @Transactional
  public Optional<MaskingRuleSet> find(String projectId) {
    requireProject(projectId);
    return sets.findByIdOptional(projectId).map(MaskingRuleSetEntity::toDomain);
  }

  @Override
  @Transactional
  public List<MaskingRuleSet> findAll() {
    return sets.listAll().stream().map(MaskingRuleSetEntity::toDomain).toList();
  }

  private void push(MaskingRuleSet set) {
    try {
      publisher.publish(List.of(set), config.admin().publishTimeout());
    } catch (IllegalStateException e) {
      throw new ChangeNotPublishedException(
          "Kafka did not acknowledge the masking rules within "
              + config.admin().publishTimeout().toSeconds()
              + " s, so nothing was changed; try again once Kafka is up (./sightline status).",
          e);
    }
  }

  private void requireProject(String projectId) {
    if (projects.findByIdOptional(projectId).isEmpty()) {
      throw new UnknownResourceException("No project " + projectId + ".");
    }
  }
}
