package dev.sightline.query.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.query.domain.ObservationStore;
import dev.sightline.query.domain.search.ObservationPage;
import dev.sightline.query.domain.search.ObservationSearch;
import dev.sightline.query.domain.search.ObservationSummary;
import dev.sightline.query.domain.search.TraceSort;
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
    int need = search.limit() + 1;
    CleanPartitions clean = partitions.clean();
    List<JsonNode> rows = null;
    if (search.sort() == TraceSort.TIMESTAMP) {
      // Newest (or oldest) first: the time-ordered copy, hour by hour.
      rows =
          TimeOrderedPage.read(
              queries,
              TimeOrderedPage.Copy.OBSERVATIONS,
              projectId,
              TimeSlices.forPage(search.from(), search.to(), search.descending(), search.cursor()),
              need,
              List.of(),
              (from, to, n, notStale) ->
                  ObservationSearchSql.selectByTime(
                      projectId, search.withRange(from, to), n, clean, notStale));
    }
    if (rows == null) {
      rows = queries.rows(ObservationSearchSql.select(projectId, search, need, clean));
    }
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
