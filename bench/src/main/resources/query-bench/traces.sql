-- Bench traces, generated inside ClickHouse from numbers(): the same columns and value shapes the
-- enrich sink writes (deterministic per trace number, so observations and scores agree with it).
-- {projects}: array of the three bench project ids; {traces}: trace count; {now_us}: load time;
-- {days}: how far back the traces spread.
INSERT INTO traces (project_id, trace_id, name, user_id, session_id, tags, environment, release,
    input, output, event_date, timestamp, timestamp_us, event_id, received_at_us, version)
SELECT project_id, trace_id, name, user_id, session_id, tags, environment, release, input, output,
    toDate(toDateTime(intDiv(ts_us, 1000000))), toDateTime(intDiv(ts_us, 1000000)), ts_us,
    concat('bench-', trace_id), ts_us, 1
FROM (
  SELECT number AS t,
    {projects}[multiIf(t % 10 < 6, 1, t % 10 < 9, 2, 3)] AS project_id,
    lower(concat(hex(toFixedString(reinterpretAsString(cityHash64(t, 3)), 8)),
                 hex(toFixedString(reinterpretAsString(cityHash64(t, 4)), 8)))) AS trace_id,
    {now_us} - toInt64(cityHash64(t, 2) % ({days} * 86400000000)) AS ts_us,
    ['chat-answer', 'rag-search', 'support-agent', 'summarize-ticket', 'classify-intent']
      [1 + toUInt32(pow((cityHash64(t, 6) % 1000) / 1000, 2) * 5)] AS name,
    concat('user-', toString(toUInt32(pow((cityHash64(t, 7) % 100000) / 100000, 3) * 20000))) AS user_id,
    concat('sess-', toString(intDiv(t, 4))) AS session_id,
    arrayFilter(x -> x != '', [if(cityHash64(t, 8) % 3 = 0, 'beta', ''),
                               if(cityHash64(t, 9) % 5 = 0, 'vip', ''), 'bench']) AS tags,
    multiIf(cityHash64(t, 10) % 100 < 80, 'production', cityHash64(t, 10) % 100 < 95, 'staging', 'dev') AS environment,
    concat('v1.', toString(cityHash64(t, 11) % 8)) AS release,
    concat(['How do I reset my password?', 'Wie kündige ich mein Abo?', 'Почему мой счёт выше обычного?',
            '注文した商品はいつ届きますか', 'ما هي سياسة الاسترجاع؟', 'मेरा ऑर्डर कहाँ है?',
            'Summarize the attached contract', 'Which plan includes SSO?']
           [1 + cityHash64(t, 12) % 8], ' #', toString(t)) AS input,
    ['You can reset it from the login page.', 'Sie können jederzeit kündigen.',
     'Счёт выше из-за превышения лимита.', 'ご注文は明日届きます。', 'يمكنك الإرجاع خلال 30 يوما.',
     'आपका ऑर्डर रास्ते में है।', 'The contract renews yearly.', 'SSO is in the Enterprise plan.']
      [1 + cityHash64(t, 12) % 8] AS output
  FROM numbers({traces})
);
