-- A person's key and erasure belong to one tenant: the same subject id in another tenant is another person, with
-- a key of its own, so that no tenant can read, overwrite or erase another tenant's person by reusing an id.
ALTER TABLE personal_data_key DROP CONSTRAINT personal_data_key_pkey;
ALTER TABLE personal_data_key ADD CONSTRAINT personal_data_key_pkey PRIMARY KEY (organization_id, subject_id);

ALTER TABLE personal_data_erasure DROP CONSTRAINT personal_data_erasure_pkey;
ALTER TABLE personal_data_erasure ADD CONSTRAINT personal_data_erasure_pkey PRIMARY KEY (organization_id, subject_id);

-- A tenant admin's projection lag counts the tenant's events past the slowest segment.
CREATE INDEX idx_event_chain_tenant_index ON event_chain (organization_id, global_index);
