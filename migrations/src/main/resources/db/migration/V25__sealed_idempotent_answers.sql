-- Answers kept for retries are sealed under a key of the tenant's (derived from the personal-data master key) and
-- request fingerprints are keyed digests. Rows kept before held answers in clear, people and magic-link tokens
-- among them, and unkeyed fingerprints: they are dropped. At most a day of retries is lost: a retry of a create that
-- names its own id meets the domain's own check of that id, one with an Idempotency-Key runs again.
DELETE FROM idempotent_request;
