package dev.sightline.query.domain.search;

import java.util.List;

/**
 * One page of an observation search.
 *
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 */
public record ObservationPage(List<ObservationSummary> data, String nextCursor) {}
