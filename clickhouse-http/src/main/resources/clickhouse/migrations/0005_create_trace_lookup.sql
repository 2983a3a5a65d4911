-- The traces of one session or one user (issue 5's session and user views). traces is ordered by
-- (project_id, trace_id), so "the traces of session S in a week" read every trace of the week:
-- 1.46M rows and 1.3-3 s per view on the 10M-observation bench. trace_lookup is ordered by
-- (project_id, kind, value), so a session's or user's trace ids are one primary-key range per day.
--
-- Candidates only: readers look the traces up by these ids and re-check the filter on each trace's
-- newest version, so a trace whose session or user changed in a later version (the old pair stays
-- here) is never shown under the old one. Filled by materialized views on every insert into
-- traces; rows already stored are copied below (a trace inserted while this migration runs may be
-- copied twice, which ReplacingMergeTree collapses and readers never see). Partitioned by month, not
-- day: a lookup over a week then probes one or two partitions' index instead of eight; retention
-- deletes its rows per project and day like the other tables (query-service's ClickHouseRetention).
CREATE TABLE IF NOT EXISTS trace_lookup (
    project_id String,
    kind String,
    value String,
    trace_id String,
    event_date Date
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(event_date)
ORDER BY (project_id, kind, value, trace_id);

CREATE MATERIALIZED VIEW IF NOT EXISTS trace_lookup_sessions TO trace_lookup AS
SELECT project_id, 'session' AS kind, session_id AS value, trace_id, event_date
FROM traces WHERE session_id != '';

CREATE MATERIALIZED VIEW IF NOT EXISTS trace_lookup_users TO trace_lookup AS
SELECT project_id, 'user' AS kind, user_id AS value, trace_id, event_date
FROM traces WHERE user_id != '';

INSERT INTO trace_lookup
SELECT project_id, 'session', session_id, trace_id, event_date FROM traces WHERE session_id != '';

INSERT INTO trace_lookup
SELECT project_id, 'user', user_id, trace_id, event_date FROM traces WHERE user_id != '';
