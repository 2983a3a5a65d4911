package dev.sightline.query.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.query.domain.ObservationStore;
import dev.sightline.query.domain.search.ObservationPage;
import dev.sightline.query.domain.search.ObservationSearch;
import dev.sightline.query.domain.search.ObservationSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** {@link ObservationStore} on ClickHouse; every query is scoped to the caller's project. */
@ApplicationScoped
public class ClickHouseObservationStore implements ObservationStore {

  @Inject SearchQueries queries;
  @Inject PartitionInspector partitions;

  @Override
  public ObservationPage search(String projectId, ObservationSearch search) {
    // One row more than the page tells whether there is a next page.
    List<JsonNode> rows =
        queries.rows(
            ObservationSearchSql.select(projectId, search, search.limit() + 1, partitions.clean()));
    List<ObservationSummary> data = new ArrayList<>();
    for (int i = 0; i < Math.min(rows.size(), search.limit()); i++) {
      data.add(ObservationSearchRows.summary(rows.get(i)));
    }
    String next =
        rows.size() > search.limit()
            ? ObservationSearchRows.cursor(rows.get(search.limit() - 1), search).encode()
            : null;
    return new ObservationPage(data, next);
  }
}
