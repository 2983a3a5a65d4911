package dev.sightline.query.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.clickhouse.ClickHouseClient;
import dev.sightline.clickhouse.Sql;
import dev.sightline.query.config.QueryConfig;
import dev.sightline.query.domain.ChangeNotPublishedException;
import dev.sightline.query.domain.ProjectAdmin;
import dev.sightline.query.domain.RandomIds;
import dev.sightline.query.domain.UnknownResourceException;
import dev.sightline.query.domain.price.ModelPriceVersion;
import dev.sightline.query.domain.price.PriceAdmin;
import dev.sightline.query.domain.recompute.Recompute;
import dev.sightline.query.domain.recompute.RecomputeAdmin;
import dev.sightline.query.domain.recompute.RecomputeRange;
import dev.sightline.query.messaging.RecomputePublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@link RecomputeAdmin}: the request goes to enrich through Kafka, its record is ClickHouse's
 * {@code cost_recomputes}, where this service writes {@code pending} and enrich the rest.
 */
@ApplicationScoped
public class ClickHouseRecomputeAdmin implements RecomputeAdmin {

  @Inject QueryConfig config;
  @Inject ClickHouseClient clickHouse;
  @Inject ProjectAdmin projects;
  @Inject PriceAdmin prices;
  @Inject RecomputePublisher publisher;

  @Override
  public Recompute request(String projectId, RecomputeRange range) {
    projects.project(projectId);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    Recompute pending = Recompute.pending(RandomIds.recomputeId(), projectId, range, now);
    // The record first: a request enrich runs is then always listed, and a failed insert (503)
    // publishes nothing. enrich's own rows have higher versions, so they win whatever the order.
    clickHouse.insertJsonEachRow(RecomputeRows.TABLE, RecomputeRows.pendingRow(pending));
    // enrich waits until its price book has seen the latest price change the admin could see.
    Instant pricesUpdatedAt =
        prices.list(projectId).stream()
            .map(ModelPriceVersion::updatedAt)
            .max(Instant::compareTo)
            .orElse(Instant.EPOCH);
    try {
      publisher.publish(pending, pricesUpdatedAt);
    } catch (IllegalStateException e) {
      clickHouse.insertJsonEachRow(
          RecomputeRows.TABLE, RecomputeRows.unpublishedRow(pending, Instant.now()));
      throw new ChangeNotPublishedException(
          "Kafka did not acknowledge the recompute request, so it will not run (recorded as"
              + " failed); try again once Kafka is up (./sightline status).",
          e);
    }
    return pending;
  }

  @Override
  public Recompute find(String projectId, String recomputeId) {
    projects.project(projectId);
    List<JsonNode> rows =
        clickHouse.rows(
            RecomputeRows.SELECT
                + " WHERE project_id = "
                + Sql.quote(projectId)
                + " AND recompute_id = "
                + Sql.quote(recomputeId));
    if (rows.isEmpty()) {
      throw new UnknownResourceException(
          "no recompute " + recomputeId + " in project " + projectId);
    }
    return RecomputeRows.recompute(rows.get(0));
  }

  @Override
  public List<Recompute> list(String projectId) {
    projects.project(projectId);
    return clickHouse
        .rows(
            RecomputeRows.SELECT
                + " WHERE project_id = "
                + Sql.quote(projectId)
                + " ORDER BY requested_at_us DESC, recompute_id LIMIT "
                + Sql.number(config.recompute().listLimit()))
        .stream()
        .map(RecomputeRows::recompute)
        .toList();
  }
}
