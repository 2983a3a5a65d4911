-- Model prices: versions of a model's USD-per-million-token prices, global (project_id NULL) or
-- per project. Every row is pushed to sightline.model-prices.v1 keyed by price_id; enrich picks
-- the version that applies at an observation's start. A version is never edited, only retracted
-- (deleted = true, pushed as such), so costs computed earlier stay explainable.

CREATE TABLE model_prices (
    price_id       text        PRIMARY KEY CHECK (price_id <> ''),
    project_id     text        REFERENCES projects (id),
    model_pattern  text        NOT NULL CHECK (model_pattern <> ''),
    provider       text,
    effective_from timestamptz NOT NULL,
    -- [{usageType, usdPerMillionTokens, tiers: [{aboveTokens, usdPerMillionTokens}]}], checked
    -- by the service; one document because a version is written once and read whole.
    prices         jsonb       NOT NULL CHECK (jsonb_typeof(prices) = 'array'),
    -- DEFAULT rows come from the bundled table (seeded with ON CONFLICT DO NOTHING), ADMIN rows
    -- from the admin API.
    source         text        NOT NULL DEFAULT 'ADMIN' CHECK (source IN ('DEFAULT', 'ADMIN')),
    deleted        boolean     NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now(),
    -- Last change; the push sends it so consumers can order versions.
    updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX model_prices_project_id_idx ON model_prices (project_id);
