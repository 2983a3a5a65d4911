package dev.sightline.query.storage;

import dev.sightline.query.config.QueryConfig;
import dev.sightline.query.domain.ChangeNotPublishedException;
import dev.sightline.query.domain.InvalidRequestException;
import dev.sightline.query.domain.RandomIds;
import dev.sightline.query.domain.UnknownResourceException;
import dev.sightline.query.domain.price.ModelPriceVersion;
import dev.sightline.query.domain.price.PriceAdmin;
import dev.sightline.query.messaging.PricePublisher;
import dev.sightline.query.messaging.PublicationLock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** {@link PriceAdmin} on PostgreSQL; a change commits only after Kafka acknowledged it. */
@ApplicationScoped
public class PostgresPriceAdmin implements PriceAdmin {

  @Inject QueryConfig config;
  @Inject DataSource dataSource;
  @Inject ProjectRepository projects;
  @Inject PricePublisher publisher;
  @Inject PublicationLock lock;

  /** Work on one JDBC connection that may fail with a SQL error. */
  private interface Jdbc<T> {
    T run(Connection c) throws SQLException;
  }

  @Override
  public List<ModelPriceVersion> list(String projectId) {
    return inTransaction(
        c -> {
          if (projectId != null && projects.findByIdOptional(projectId).isEmpty()) {
            throw new UnknownResourceException("No project " + projectId + ".");
          }
          return projectId == null
              ? PriceRows.select(c, "project_id IS NULL")
              : PriceRows.select(c, "project_id IS NULL OR project_id = ?", projectId);
        });
  }

  @Override
  public ModelPriceVersion find(String priceId) {
    return inTransaction(
        c ->
            PriceRows.select(c, "price_id = ?", priceId).stream()
                .findFirst()
                .orElseThrow(
                    () -> new UnknownResourceException("No price version " + priceId + ".")));
  }

  @Override
  public ModelPriceVersion create(ModelPriceVersion draft) {
    return pushedChange(
        c -> {
          if (draft.projectId() != null && projects.findByIdOptional(draft.projectId()).isEmpty()) {
            throw new InvalidRequestException("projectId: no project " + draft.projectId() + ".");
          }
          ModelPriceVersion v =
              new ModelPriceVersion(
                  RandomIds.priceId(),
                  draft.projectId(),
                  draft.modelPattern(),
                  draft.provider(),
                  draft.effectiveFrom(),
                  draft.prices(),
                  false,
                  PostgresProjectAdmin.now());
          PriceRows.insert(c, v, "ADMIN", false);
          return push(PriceRows.select(c, "price_id = ?", v.priceId()).get(0));
        });
  }

  @Override
  public ModelPriceVersion delete(String priceId) {
    return pushedChange(
        c -> {
          if (!PriceRows.markDeleted(c, priceId, PostgresProjectAdmin.now())) {
            throw new UnknownResourceException("No price version " + priceId + ".");
          }
          // Pushed again even if already deleted: cheap, and repairs a push that was lost.
          return push(PriceRows.select(c, "price_id = ?", priceId).get(0));
        });
  }

  @Override
  public List<ModelPriceVersion> findAll() {
    return inTransaction(c -> PriceRows.select(c, ""));
  }

  @Override
  public int seedDefaults(List<ModelPriceVersion> defaults) {
    return inTransaction(
        c -> {
          int inserted = 0;
          for (ModelPriceVersion v : defaults) {
            ModelPriceVersion stamped =
                new ModelPriceVersion(
                    v.priceId(),
                    v.projectId(),
                    v.modelPattern(),
                    v.provider(),
                    v.effectiveFrom(),
                    v.prices(),
                    v.deleted(),
                    PostgresProjectAdmin.now());
            inserted += PriceRows.insert(c, stamped, "DEFAULT", true) ? 1 : 0;
          }
          return inserted;
        });
  }

  // Lock, then a transaction that commits only after the push was acknowledged.
  private <T> T pushedChange(Jdbc<T> change) {
    return lock.call(() -> inTransaction(change));
  }

  private <T> T inTransaction(Jdbc<T> work) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              // Inside the JTA transaction the pool hands out an enlisted connection.
              try (Connection c = dataSource.getConnection()) {
                return work.run(c);
              }
            });
  }

  private ModelPriceVersion push(ModelPriceVersion v) {
    try {
      publisher.publish(List.of(v), config.admin().publishTimeout());
      return v;
    } catch (IllegalStateException e) {
      throw new ChangeNotPublishedException(
          "Kafka did not acknowledge the price change within "
              + config.admin().publishTimeout().toSeconds()
              + " s, so nothing was changed; try again once Kafka is up (./sightline status).",
          e);
    }
  }
}
