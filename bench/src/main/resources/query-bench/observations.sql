-- Bench observations: 5–15 per trace (about 10 on average), a root agent span and children that
-- are LLM generations (half), retrievals, tool calls and spans, with skewed models, steps and
-- prompt versions, lognormal-like latency, 2 % errors. Same columns the enrich sink writes.
INSERT INTO observations (project_id, trace_id, observation_id, parent_observation_id, type, name,
    event_date, start_time, start_time_us, end_time_us, model, provider, prompt_name,
    prompt_version, input, output, level, status_message, environment, usage_input, usage_output,
    usage_total, cost_input, cost_output, cost_total, cost_source, price_version, latency_ms,
    `retrieval_documents.id`, `retrieval_documents.content`, `retrieval_documents.score`,
    event_id, received_at_us, version)
SELECT project_id, trace_id, observation_id, parent_observation_id, type, name,
    toDate(toDateTime(intDiv(start_us, 1000000))), toDateTime(intDiv(start_us, 1000000)), start_us,
    start_us + toInt64(latency_ms * 1000), model, provider, prompt_name, prompt_version,
    input, output, level, if(level = 'ERROR', 'upstream returned 500', ''), environment,
    usage_input, usage_output, usage_input + usage_output,
    cost_input, cost_output, cost_input + cost_output,
    if(type = 'GENERATION', 'PRICE_TABLE', 'NONE'), if(type = 'GENERATION', 'default-2026-11', ''),
    latency_ms,
    if(type = 'RETRIEVER', ['doc-1', 'doc-2', 'doc-3'], emptyArrayString()),
    if(type = 'RETRIEVER', ['Password resets are self-service.', 'SSO requires Enterprise.',
                            'Refunds within 30 days.'], emptyArrayString()),
    if(type = 'RETRIEVER', [0.91, 0.72, 0.55], emptyArrayFloat64()),
    concat('bench-', trace_id, '-', observation_id), start_us, 1
FROM (
  SELECT t, i,
    {projects}[multiIf(t % 10 < 6, 1, t % 10 < 9, 2, 3)] AS project_id,
    lower(concat(hex(toFixedString(reinterpretAsString(cityHash64(t, 3)), 8)),
                 hex(toFixedString(reinterpretAsString(cityHash64(t, 4)), 8)))) AS trace_id,
    lower(hex(toFixedString(reinterpretAsString(cityHash64(t, i, 5)), 8))) AS observation_id,
    if(i = 0, '', lower(hex(toFixedString(reinterpretAsString(cityHash64(t, 0, 5)), 8)))) AS parent_observation_id,
    cityHash64(t, i, 20) % 100 AS k,
    multiIf(i = 0, 'AGENT', k < 50, 'GENERATION', k < 65, 'RETRIEVER', k < 80, 'TOOL', 'SPAN') AS type,
    toUInt32(pow((cityHash64(t, i, 21) % 1000) / 1000, 2) * 5) AS skew5,
    multiIf(i = 0, ['chat-answer', 'rag-search', 'support-agent', 'summarize-ticket', 'classify-intent']
                     [1 + toUInt32(pow((cityHash64(t, 6) % 1000) / 1000, 2) * 5)],
            type = 'GENERATION', ['answer', 'plan', 'rerank', 'summarize', 'classify'][1 + skew5],
            type = 'RETRIEVER', 'retrieve-docs',
            type = 'TOOL', ['tool:search', 'tool:calculator', 'tool:crm-lookup'][1 + cityHash64(t, i, 22) % 3],
            ['guardrail', 'format-output'][1 + cityHash64(t, i, 22) % 2]) AS name,
    1 + toUInt32(pow((cityHash64(t, i, 23) % 1000) / 1000, 1.5) * 6) AS m,
    if(type = 'GENERATION', ['gpt-4.1-mini', 'gpt-4.1', 'claude-sonnet-4', 'gemini-2.5-flash',
                             'mistral-large-latest', 'llama-3.3-70b'][m], '') AS model,
    if(type = 'GENERATION', ['openai', 'openai', 'anthropic', 'google', 'mistral', 'meta'][m], '') AS provider,
    if(type = 'GENERATION', concat(name, '-prompt'), '') AS prompt_name,
    if(type = 'GENERATION', toNullable(toInt32(5 - toUInt32(pow((cityHash64(t, i, 24) % 1000) / 1000, 2) * 5))),
       CAST(NULL AS Nullable(Int32))) AS prompt_version,
    {now_us} - toInt64(cityHash64(t, 2) % ({days} * 86400000000)) + i * 150000
      + toInt64(cityHash64(t, i, 25) % 100000) AS start_us,
    round(exp(log(50) + (cityHash64(t, i, 26) % 10000) / 10000 * log(100)), 3) AS latency_ms,
    multiIf(cityHash64(t, i, 27) % 1000 < 20, 'ERROR', cityHash64(t, i, 27) % 1000 < 50, 'WARNING', 'DEFAULT') AS level,
    multiIf(cityHash64(t, 10) % 100 < 80, 'production', cityHash64(t, 10) % 100 < 95, 'staging', 'dev') AS environment,
    if(type = 'GENERATION', toNullable(toInt64(100 + cityHash64(t, i, 28) % 4000)), CAST(NULL AS Nullable(Int64))) AS usage_input,
    if(type = 'GENERATION', toNullable(toInt64(10 + cityHash64(t, i, 29) % 800)), CAST(NULL AS Nullable(Int64))) AS usage_output,
    usage_input * [0.4, 2.0, 3.0, 0.3, 2.0, 0.6][m] / 1000000 AS cost_input,
    usage_output * [1.6, 8.0, 15.0, 2.5, 6.0, 0.6][m] / 1000000 AS cost_output,
    concat(multiIf(type = 'GENERATION', ['Answer the customer: ', 'Plan the steps for: ', 'Rank these for: ',
                                         'Summarize: ', 'Classify: '][1 + skew5],
                   type = 'RETRIEVER', 'search: ', type = 'TOOL', 'call: ', 'check: '),
           ['How do I reset my password?', 'Wie kündige ich mein Abo?', 'Почему мой счёт выше обычного?',
            '注文した商品はいつ届きますか', 'ما هي سياسة الاسترجاع؟', 'मेरा ऑर्डर कहाँ है?',
            'Summarize the attached contract', 'Which plan includes SSO?'][1 + cityHash64(t, 12) % 8],
           ' #', toString(t), '/', toString(i)) AS input,
    concat(['You can reset it from the login page.', 'Sie können jederzeit kündigen.',
            'Счёт выше из-за превышения лимита.', 'ご注文は明日届きます。', 'يمكنك الإرجاع خلال 30 يوما.',
            'आपका ऑर्डर रास्ते में है।', 'The contract renews yearly.', 'SSO is in the Enterprise plan.']
           [1 + cityHash64(t, 12) % 8], ' (', toString(i), ')') AS output
  FROM (SELECT number AS t, arrayJoin(range(toUInt64(5 + cityHash64(number, 1) % 11))) AS i
        FROM numbers({traces}))
);
