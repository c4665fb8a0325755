-- An attempt is counted as a failure before its password is checked, and withdrawn when it succeeds: both rows of
-- one attempt (its token's and its address's) carry the attempt's id, so the withdrawal deletes exactly them.
ALTER TABLE portal_failed_attempt ADD COLUMN attempt_id UUID;

CREATE INDEX idx_portal_failed_attempt_attempt ON portal_failed_attempt (attempt_id);
