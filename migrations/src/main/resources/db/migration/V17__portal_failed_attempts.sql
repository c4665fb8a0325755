-- Failed magic-link attempts, shared by every node so the limits hold however requests are spread. Subjects are
-- 'token:<sha-256 of the token>' or 'address:<sha-256 of the client address>'; rows older than the window are
-- deleted as new failures arrive.
CREATE TABLE portal_failed_attempt (
    subject   TEXT        NOT NULL,
    failed_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX idx_portal_failed_attempt_subject ON portal_failed_attempt (subject, failed_at);
CREATE INDEX idx_portal_failed_attempt_time ON portal_failed_attempt (failed_at);
