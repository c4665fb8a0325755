-- Client Portal access (seed: ClientPortalAccess): one magic link per row. Only the SHA-256 of the link's token and
-- a BCrypt hash of the optional password are stored; the token itself is shown once, when it is made.
CREATE TABLE portal_access (
    id              UUID        NOT NULL PRIMARY KEY,
    organization_id TEXT        NOT NULL,
    engagement_id   UUID        NOT NULL,
    client_id       UUID,
    -- The contact's name sealed under their own key (personal_data_key); erasing the key erases the name.
    contact_subject TEXT        NOT NULL,
    contact_name    TEXT        NOT NULL,
    contact_erased  BOOLEAN     NOT NULL DEFAULT FALSE,
    sections        TEXT[]      NOT NULL,
    expires_at      TIMESTAMPTZ,
    single_use      BOOLEAN     NOT NULL,
    used            BOOLEAN     NOT NULL DEFAULT FALSE,
    token_hash      TEXT        NOT NULL,
    password_hash   TEXT,
    status          TEXT        NOT NULL,
    granted_by      TEXT,
    granted_at      TIMESTAMPTZ NOT NULL,
    last_access_at  TIMESTAMPTZ,
    version         BIGINT      NOT NULL
);

CREATE UNIQUE INDEX uk_portal_access_token ON portal_access (token_hash);
CREATE INDEX idx_portal_access_engagement ON portal_access (organization_id, engagement_id, granted_at DESC);
