-- Core tables of the walking skeleton. Runs on ClickHouse 18.16 and current releases:
-- no Map (Nested / parallel arrays instead), no DateTime64 (DateTime + integer microseconds),
-- no TTL (retention drops day partitions), no codecs.
--
-- Row identity is deterministic (project, trace, id) and every row carries a `version`
-- (enrichment time in µs): ReplacingMergeTree(version) collapses a re-delivered batch, and
-- reads use FINAL so duplicates are never visible before a merge.
-- Ordering keys put project_id first (every query is scoped to one project), then trace_id so a
-- trace's rows are adjacent for the trace view.

CREATE TABLE IF NOT EXISTS observations (
    project_id String,
    trace_id String,
    observation_id String,
    parent_observation_id String,
    type String,
    name String,
    event_date Date,
    start_time DateTime,
    start_time_us Int64,
    end_time_us Nullable(Int64),
    completion_start_time_us Nullable(Int64),
    model String,
    provider String,
    model_parameters Nested(key String, value String),
    prompt_name String,
    prompt_version Nullable(Int32),
    input String,
    output String,
    level String,
    status_message String,
    environment String,
    usage_input Nullable(Int64),
    usage_output Nullable(Int64),
    usage_cache_read Nullable(Int64),
    usage_cache_creation Nullable(Int64),
    usage_total Nullable(Int64),
    usage_details Nested(key String, value Int64),
    cost_input Nullable(Float64),
    cost_output Nullable(Float64),
    cost_cache_read Nullable(Float64),
    cost_cache_creation Nullable(Float64),
    cost_total Nullable(Float64),
    cost_source String,
    cost_note String,
    price_version String,
    latency_ms Nullable(Float64),
    time_to_first_token_ms Nullable(Float64),
    attributes Nested(key String, value String),
    retrieval_documents Nested(id String, content String, score Float64),
    event_id String,
    received_at_us Int64,
    version UInt64
) ENGINE = ReplacingMergeTree(version)
PARTITION BY event_date
ORDER BY (project_id, trace_id, observation_id);

CREATE TABLE IF NOT EXISTS traces (
    project_id String,
    trace_id String,
    name String,
    user_id String,
    session_id String,
    tags Array(String),
    environment String,
    release String,
    trace_version String,
    input String,
    output String,
    metadata Nested(key String, value String),
    event_date Date,
    timestamp DateTime,
    timestamp_us Int64,
    event_id String,
    received_at_us Int64,
    version UInt64
) ENGINE = ReplacingMergeTree(version)
PARTITION BY event_date
ORDER BY (project_id, trace_id);

CREATE TABLE IF NOT EXISTS scores (
    project_id String,
    trace_id String,
    observation_id String,
    score_id String,
    name String,
    value Nullable(Float64),
    string_value String,
    data_type String,
    source String,
    comment String,
    event_date Date,
    timestamp DateTime,
    timestamp_us Int64,
    event_id String,
    received_at_us Int64,
    version UInt64
) ENGINE = ReplacingMergeTree(version)
PARTITION BY event_date
ORDER BY (project_id, trace_id, score_id);
