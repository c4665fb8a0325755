-- Tool access as the seed lays it out: who may use which tool until when, and how far each user has come.
CREATE SCHEMA tool_access;

CREATE TABLE tool_access.permissions (
    id              UUID        NOT NULL PRIMARY KEY,
    organization_id TEXT        NOT NULL,
    user_id         TEXT        NOT NULL,
    tool_slug       TEXT        NOT NULL,
    access_level    TEXT        NOT NULL,
    granted_at      TIMESTAMPTZ NOT NULL,
    expires_at      TIMESTAMPTZ,
    granted_by      TEXT,
    event_version   BIGINT      NOT NULL,
    CONSTRAINT uk_tool_access_permission UNIQUE (organization_id, user_id, tool_slug)
);

CREATE TABLE tool_access.progress (
    organization_id     TEXT        NOT NULL,
    user_id             TEXT        NOT NULL,
    tool_slug           TEXT        NOT NULL,
    status              TEXT        NOT NULL,
    progress_percentage INT         NOT NULL DEFAULT 0,
    last_accessed_at    TIMESTAMPTZ NOT NULL,
    completed_at        TIMESTAMPTZ,
    PRIMARY KEY (organization_id, user_id, tool_slug)
);
