package dev.sightline.query.domain;

import dev.sightline.query.domain.search.TracePage;
import dev.sightline.query.domain.search.TraceSearch;
import dev.sightline.query.domain.trace.Trace;
import java.util.Optional;

/** Where traces are read from (ClickHouse). */
public interface TraceStore {

  /** The trace with its observations and scores, if this project has it. */
  Optional<Trace> find(String projectId, String traceId);

  /** One page of this project's traces matching the search. */
  TracePage search(String projectId, TraceSearch search);
}
