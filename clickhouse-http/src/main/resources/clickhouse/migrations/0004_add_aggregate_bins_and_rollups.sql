-- Latency sketches as plain arrays, and hourly and daily rollups of closed days, so metrics over
-- a week are summed inside ClickHouse from a few thousand rows instead of decoding and merging
-- almost two million base64 sketches in Java (the 10M-observation bench of issue 5).
--
-- latency_bin_index / latency_bin_count are the positive bins of the window's DDSketch (1 %
-- relative accuracy, logarithmic mapping; dev.sightline.schemas.sketch.LatencySketches) and
-- latency_zero_count its zero latencies. Summing the arrays by index (sumMap, on 18.16 and current
-- releases) gives exactly the bins of the merged sketch, so any range keeps the 1 % bound. Rows
-- written before this migration keep their base64 protobuf in latency_sketch and empty arrays;
-- writers from now on leave latency_sketch empty, so `latency_sketch != ''` marks an old row.
ALTER TABLE observation_aggregates
    ADD COLUMN latency_bin_index Array(Int32) AFTER latency_sketch,
    ADD COLUMN latency_bin_count Array(Float64) AFTER latency_bin_index,
    ADD COLUMN latency_zero_count Float64 AFTER latency_bin_count;

-- Hourly and daily rollups of the 1-minute windows (resolution_s 3600 or 86400), built by
-- query-service's compaction job for a closed day once its observation_aggregates partition is one
-- merged part (no duplicate window left). source_part names that part: a rollup is used only while
-- the day's partition still consists of exactly that part, so a late window, a recompute or a
-- retention delete (each makes a new part) sends readers back to the minute rows until the day is
-- rolled up again. Ordered like the minute table (project, then time, then the group dimensions)
-- with the resolution before the time, so each resolution of a project's range is contiguous;
-- plain MergeTree because rows are selected by source_part, never collapsed.
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
ORDER BY (project_id, resolution_s, window_start, environment, name, model, prompt_name, prompt_version);

-- One row per completed rollup (written after its rows), so a reader never uses half a rollup.
CREATE TABLE IF NOT EXISTS observation_aggregates_rollups (
    window_date Date,
    source_part String,
    rolled_at DateTime
) ENGINE = ReplacingMergeTree
ORDER BY (window_date, source_part);
