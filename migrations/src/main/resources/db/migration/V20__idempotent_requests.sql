-- POST requests that carried an idempotency key (the Idempotency-Key header, or the id a client chose for a new
-- entity) and their first answers, so that a retry gets that answer instead of a second effect or a conflict.
-- Scoped by caller (organization and user); kept for a day; status is null while the first request runs.
CREATE TABLE idempotent_request (
    scope           TEXT        NOT NULL,
    request_key     TEXT        NOT NULL,
    organization_id TEXT        NOT NULL,
    fingerprint     BYTEA       NOT NULL,
    status          INTEGER,
    content_type    TEXT,
    location        TEXT,
    etag            TEXT,
    body            BYTEA,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, request_key)
);

CREATE INDEX idx_idempotent_request_created ON idempotent_request (created_at);
CREATE INDEX idx_idempotent_request_organization ON idempotent_request (organization_id);
