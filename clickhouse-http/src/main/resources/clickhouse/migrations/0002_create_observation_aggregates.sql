-- 1-minute aggregates of observations, written by enrich-service from the
-- sightline.observation-aggregates.v1 topic. Runs on ClickHouse 18.16 and current releases.
--
-- Every update of a window carries the window's full state, so the table keeps the latest one:
-- ReplacingMergeTree(version) with version = the window's observation count, which only grows
-- (each observation is counted once). A re-delivered row has the same identity and version and
-- collapses too. Read with FINAL, then sum/merge across windows.
--
-- latency_sketch is a DDSketch (1% relative accuracy, logarithmic mapping) in its protobuf
-- encoding, base64 text: 18.16 has no sketch type, so readers decode and merge the sketches of the
-- windows they span; that gives exact-bound p50/p95/p99 over any range (never averaged quantiles).
--
-- Partitioned by the day of the window start (retention drops day partitions). The ordering key
-- is the window identity: project first (every query is scoped to one project), then window start
-- (queries are time ranges), then the group dimensions, so one project's range is contiguous.

CREATE TABLE IF NOT EXISTS observation_aggregates (
    project_id String,
    window_date Date,
    window_start DateTime,
    window_end DateTime,
    environment String,
    name String,
    model String,
    prompt_name String,
    prompt_version Int32,
    count UInt64,
    errors UInt64,
    input_tokens Int64,
    output_tokens Int64,
    cost_usd Float64,
    latency_sketch String,
    version UInt64
) ENGINE = ReplacingMergeTree(version)
PARTITION BY window_date
ORDER BY (project_id, window_start, environment, name, model, prompt_name, prompt_version);
