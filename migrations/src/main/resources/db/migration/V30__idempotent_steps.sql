-- The commands a keyed request stored, by their order in the request, each row written in its command's own
-- transaction: a retry of the request after a failure past a stored write skips those commands instead of meeting
-- the state they made. Scoped and kept like idempotent_request (a day); hashes are keyed digests.
CREATE TABLE idempotent_step (
    scope           TEXT        NOT NULL,
    request_key     TEXT        NOT NULL,
    ordinal         INTEGER     NOT NULL,
    organization_id TEXT        NOT NULL,
    fingerprint     BYTEA       NOT NULL,
    aggregate_id    TEXT        NOT NULL,
    payload_hash    BYTEA       NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, request_key, ordinal)
);

CREATE INDEX idx_idempotent_step_created ON idempotent_step (created_at);
CREATE INDEX idx_idempotent_step_organization ON idempotent_step (organization_id);
