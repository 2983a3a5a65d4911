-- Admin API: a free-text note per key, and per-project extra masking rules that ingest applies.

ALTER TABLE api_keys ADD COLUMN note text;

-- One row per project whose rules were ever set (an empty set is a valid "no extra rules").
CREATE TABLE masking_rule_sets (
    project_id text        PRIMARY KEY REFERENCES projects (id),
    -- Last change; the push sends it so consumers can order versions.
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE masking_rules (
    project_id text    NOT NULL REFERENCES masking_rule_sets (project_id) ON DELETE CASCADE,
    position   integer NOT NULL CHECK (position >= 0),
    name       text    NOT NULL,
    pattern    text    NOT NULL,
    -- Names are unique per project too; checked by the service, not here, so a reordering
    -- replace never trips over its own intermediate state.
    PRIMARY KEY (project_id, position)
);
