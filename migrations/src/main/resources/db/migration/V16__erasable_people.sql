-- Stakeholders' and non-user team members' names and emails are sealed under each person's key like the rest of
-- their personal data (events revision 2). Values carried over from revision 1 events are marked 'plain:' (the
-- upcasters do the same), readable until the person is erased.

-- Erased people: the key is gone; this row keeps a value marked 'plain:' unreadable too and stops a key being
-- made again for the same person.
CREATE TABLE personal_data_erasure (
    subject_id      TEXT        NOT NULL PRIMARY KEY,
    organization_id TEXT        NOT NULL,
    erased_at       TIMESTAMPTZ NOT NULL
);

ALTER TABLE crm_stakeholder ADD COLUMN name_sealed TEXT, ADD COLUMN erased_at TIMESTAMPTZ;
UPDATE crm_stakeholder SET name_sealed = 'plain:' || name;
ALTER TABLE crm_stakeholder DROP COLUMN name;

ALTER TABLE planning_activity_member ADD COLUMN name_sealed TEXT, ADD COLUMN email_sealed TEXT,
    ADD COLUMN erased_at TIMESTAMPTZ;
UPDATE planning_activity_member SET name_sealed = 'plain:' || name, email_sealed = 'plain:' || email;
ALTER TABLE planning_activity_member DROP COLUMN name, DROP COLUMN email;
CREATE INDEX idx_planning_activity_member_guest ON planning_activity_member (non_user_member_id)
    WHERE non_user_member_id IS NOT NULL;
