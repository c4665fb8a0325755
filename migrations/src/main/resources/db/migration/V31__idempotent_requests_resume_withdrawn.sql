-- Resuming a cut-off request by counting its stored commands could skip a command for an id generated anew on the
-- retry and keep an answer that is not the first; the count is withdrawn until a retry can match what was stored.
ALTER TABLE idempotent_request DROP COLUMN stored_commands;
