-- Bench scores: a third of the traces carry a latency-budget score and a user-feedback score.
INSERT INTO scores (project_id, trace_id, observation_id, score_id, name, value, data_type, source,
    event_date, timestamp, timestamp_us, event_id, received_at_us, version)
SELECT project_id, trace_id, '', concat(trace_id, '-', name), name, value, 'NUMERIC', source,
    toDate(toDateTime(intDiv(ts_us, 1000000))), toDateTime(intDiv(ts_us, 1000000)), ts_us,
    concat('bench-score-', trace_id, '-', name), ts_us, 1
FROM (
  SELECT number AS t,
    {projects}[multiIf(t % 10 < 6, 1, t % 10 < 9, 2, 3)] AS project_id,
    lower(concat(hex(toFixedString(reinterpretAsString(cityHash64(t, 3)), 8)),
                 hex(toFixedString(reinterpretAsString(cityHash64(t, 4)), 8)))) AS trace_id,
    {now_us} - toInt64(cityHash64(t, 2) % ({days} * 86400000000)) + 60000000 AS ts_us,
    arrayJoin([('latency-budget', toNullable((cityHash64(t, 30) % 100) / 100), 'EVAL'),
               ('user-feedback', toNullable(toFloat64(cityHash64(t, 31) % 2)), 'ANNOTATION')]) AS s,
    s.1 AS name, s.2 AS value, s.3 AS source
  FROM numbers({traces})
  WHERE cityHash64(t, 32) % 3 = 0
);
