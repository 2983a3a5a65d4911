-- Control plane: projects and their API keys. The secret of a key is never stored, only its
-- lowercase hex SHA-256, which is also what ingest-service receives on the keys topic.

CREATE TABLE projects (
    id             text        PRIMARY KEY CHECK (id ~ '^proj_[A-Za-z0-9_-]+$'),
    name           text        NOT NULL,
    retention_days integer     NOT NULL DEFAULT 30 CHECK (retention_days > 0),
    created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
    public_key    text        PRIMARY KEY,
    project_id    text        NOT NULL REFERENCES projects (id),
    secret_sha256 text        NOT NULL UNIQUE CHECK (secret_sha256 ~ '^[0-9a-f]{64}$'),
    scope         text        NOT NULL DEFAULT 'ALL' CHECK (scope IN ('ALL', 'INGEST', 'READ')),
    revoked       boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now(),
    revoked_at    timestamptz,
    -- Last change of any column; the key push sends it so consumers can order versions.
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (revoked = (revoked_at IS NOT NULL))
);

CREATE INDEX api_keys_project_id_idx ON api_keys (project_id);
