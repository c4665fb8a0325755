-- Every saved version of every Fast Track document, from its events, for history and diffs.
CREATE TABLE tool_document_version (
    document_id     UUID        NOT NULL,
    version         BIGINT      NOT NULL,
    organization_id TEXT        NOT NULL,
    user_id         TEXT        NOT NULL,
    tool_slug       TEXT        NOT NULL,
    data            JSONB       NOT NULL,
    saved_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (document_id, version)
);

CREATE INDEX ix_tool_document_version_owner ON tool_document_version (organization_id, user_id, tool_slug, version);
