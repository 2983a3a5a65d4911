package dev.sightline.query.domain.search;

/** Starts trace exports (ClickHouse); every export is scoped to one project. */
public interface TraceExporter {

  /**
   * Runs the search without pages, at most {@code maxRows} rows in its sort order; a refused query
   * fails here, before anything is written.
   */
  TraceExport export(String projectId, TraceSearch search, ExportFormat format, long maxRows);
}
