-- Rollup reads were mostly granule waste. A week's metrics of one project need its 483 day rows per
-- closed day, but with the default 8,192-row granules each day partition (about 20,000 rollup rows
-- of all projects and resolutions) was read two granules at a time: 124,828 rows and 65 MiB (the
-- sketch bins are about 500 bytes a row) for some 3,000 rows wanted, 37-43 ms of a 120 ms metrics
-- query on the 10M bench. 256-row granules let the primary key pick about the rows wanted.
--
-- The table is recreated (18.16 cannot change a table's index_granularity) and the completion
-- markers are emptied with it, so readers use the minute windows until the compaction job, on its
-- next run, rolls every clean closed day up again. Rollups are derived data: nothing is lost. If
-- both services apply this at once, whichever drops last is followed by its own CREATE, so the
-- table ends up recreated either way.
DROP TABLE IF EXISTS observation_aggregates_rollup;

CREATE TABLE IF NOT EXISTS observation_aggregates_rollup (
    project_id String,
    window_date Date,
    resolution_s UInt32,
    window_start DateTime,
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
    latency_bin_index Array(Int32),
    latency_bin_count Array(Float64),
    latency_zero_count Float64,
    source_part String
) ENGINE = MergeTree
PARTITION BY window_date
ORDER BY (project_id, resolution_s, window_start, environment, name, model, prompt_name, prompt_version)
SETTINGS index_granularity = 256;

TRUNCATE TABLE observation_aggregates_rollups;
