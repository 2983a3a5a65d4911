package dev.sightline.query.domain;

import dev.sightline.query.domain.search.ObservationPage;
import dev.sightline.query.domain.search.ObservationSearch;

/** Where observations are searched (ClickHouse). */
public interface ObservationStore {

  /** One page of this project's observations matching the search. */
  ObservationPage search(String projectId, ObservationSearch search);
}
