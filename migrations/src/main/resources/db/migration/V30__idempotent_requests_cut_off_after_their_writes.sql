-- A keyed request whose answer failed after some of its commands were stored keeps its key with the number of those
-- commands: its retry resumes without sending them again and gets the answer the first run would have given,
-- instead of a refusal of the repeated command (409 "only a draft can be issued").
ALTER TABLE idempotent_request ADD COLUMN stored_commands INTEGER;
