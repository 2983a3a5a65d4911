package dev.sightline.query.domain.search;

import java.util.List;

/**
 * One page of a trace search.
 *
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 */
public record TracePage(List<TraceSummary> data, String nextCursor) {}
