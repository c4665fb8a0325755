-- Which kind of person each key is for. A chosen id that names a person of another kind is refused, so a vendor or
-- a guest can no longer be sealed under a stakeholder's key (an erasure of one then erased the other's data).
-- A stakeholder's key also names the client whose add made it, so that add's corrected retry is still the first.
ALTER TABLE personal_data_key ADD COLUMN person_kind TEXT, ADD COLUMN person_owner TEXT;

UPDATE personal_data_key k SET person_kind = 'stakeholder', person_owner = s.client_id::text
FROM crm_stakeholder s WHERE s.organization_id = k.organization_id AND s.id::text = k.subject_id;

UPDATE personal_data_key k SET person_kind = 'vendor'
FROM vendor v WHERE k.person_kind IS NULL AND v.organization_id = k.organization_id AND v.id::text = k.subject_id;

UPDATE personal_data_key k SET person_kind = 'guest'
FROM planning_activity_member m
WHERE k.person_kind IS NULL AND m.organization_id = k.organization_id AND m.non_user_member_id::text = k.subject_id;

UPDATE personal_data_key k SET person_kind = 'portal_contact'
FROM portal_access a WHERE k.person_kind IS NULL AND a.organization_id = k.organization_id AND a.id::text = k.subject_id;
