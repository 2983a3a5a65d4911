-- The record of every cost recompute (POST /api/admin/projects/{id}/recomputes): what was asked,
-- what happened, how many observation rows and aggregate windows changed, and which price
-- versions the changed rows had before and have after. Runs on ClickHouse 18.16 and current
-- releases.
--
-- query-service inserts the request as `pending` (version = requested-at µs); enrich-service
-- inserts `running` and then `done` or `failed` with higher versions, so ReplacingMergeTree keeps
-- the latest state of each request; read with FINAL. Rows are tiny and kept for good (the
-- retention job does not touch this table): they are the audit trail of changed costs.

CREATE TABLE IF NOT EXISTS cost_recomputes (
    project_id String,
    recompute_id String,
    status String,
    from_us Int64,
    to_us Int64,
    requested_at DateTime,
    requested_at_us Int64,
    finished_at_us Nullable(Int64),
    observations_scanned UInt64,
    observations_changed UInt64,
    windows_changed UInt64,
    price_versions_before Array(String),
    price_versions_after Array(String),
    error String,
    version UInt64
) ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(requested_at)
ORDER BY (project_id, recompute_id);
