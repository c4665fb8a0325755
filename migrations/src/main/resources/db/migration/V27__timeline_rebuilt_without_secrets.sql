-- The timeline used to write the whole payload of any event it had no description for: a portal access's token and
-- password hashes, and people's sealed data as ciphertext objects, stood in timeline_entry. Every event now has a
-- description with an allow-list of its fields. The old rows go, and so do the timeline processor's tokens (and
-- its parked letters, whose events the replay applies anyway): at its next start the processor finds no token,
-- starts from the beginning of the event store, and writes every entry anew (README, upgrade notes).
DELETE FROM timeline_entry;
DELETE FROM timeline_suggestion;
DELETE FROM dead_letter_entry WHERE processing_group = 'timeline';
DELETE FROM token_entry WHERE processor_name = 'timeline';
