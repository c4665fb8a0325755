-- A vendor's contact email and phone are personal data, sealed under the vendor's id like a stakeholder's (events
-- revision 2) and erasable. Emails carried over from revision 1 are marked 'plain:' (the upcaster does the same),
-- readable until the contact is erased.
ALTER TABLE vendor ADD COLUMN email_sealed TEXT, ADD COLUMN phone_sealed TEXT,
    ADD COLUMN contact_erased_at TIMESTAMPTZ;
UPDATE vendor SET email_sealed = 'plain:' || email WHERE email IS NOT NULL;
ALTER TABLE vendor DROP COLUMN email;
