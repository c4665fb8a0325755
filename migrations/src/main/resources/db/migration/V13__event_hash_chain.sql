-- Tamper evidence: every tenant's events form a hash chain, kept by a trigger as each event is stored, so it
-- covers every writer (the application, importers, a hand-run INSERT). Link n is
--   sha256(link n-1 || the event's stored columns, each followed by a zero byte)
-- with 32 zero bytes before the first link. The verifier (AuditChain in the application) recomputes the same
-- bytes in Java, so a changed digest function in the database cannot hide a changed event.

CREATE TABLE event_chain_head (
    organization_id TEXT   NOT NULL PRIMARY KEY,
    position        BIGINT NOT NULL,
    hash            BYTEA  NOT NULL
);

CREATE TABLE event_chain (
    organization_id  TEXT         NOT NULL,
    position         BIGINT       NOT NULL,
    global_index     BIGINT       NOT NULL,
    event_identifier VARCHAR(255) NOT NULL,
    hash             BYTEA        NOT NULL,
    PRIMARY KEY (organization_id, position),
    CONSTRAINT uk_event_chain_global_index UNIQUE (global_index)
);

CREATE FUNCTION firmos_event_digest(previous BYTEA, e domain_event_entry) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE AS $$
SELECT sha256(previous
    || convert_to(e.global_index::text, 'UTF8') || '\x00'::bytea
    || convert_to(e.event_identifier, 'UTF8') || '\x00'::bytea
    || convert_to(e.aggregate_identifier, 'UTF8') || '\x00'::bytea
    || convert_to(e.sequence_number::text, 'UTF8') || '\x00'::bytea
    || convert_to(coalesce(e.type, ''), 'UTF8') || '\x00'::bytea
    || convert_to(e.payload_type, 'UTF8') || '\x00'::bytea
    || convert_to(coalesce(e.payload_revision, ''), 'UTF8') || '\x00'::bytea
    || convert_to(e.time_stamp, 'UTF8') || '\x00'::bytea
    || e.payload || '\x00'::bytea
    || coalesce(e.meta_data, ''::bytea))
$$;

-- Appends a run of one tenant's events to its chain. The head row's lock orders the tenant's concurrent writers
-- (other tenants never wait on it), and it is read and written once per run, not once per event.
CREATE FUNCTION firmos_chain_append(tenant TEXT, run REFCURSOR) RETURNS VOID
    LANGUAGE plpgsql AS $$
DECLARE
    stored   domain_event_entry;
    previous BYTEA;
    reached  BIGINT;
BEGIN
    INSERT INTO event_chain_head (organization_id, position, hash)
    VALUES (tenant, 0, decode(repeat('00', 32), 'hex'))
    ON CONFLICT (organization_id) DO NOTHING;
    SELECT position, hash INTO reached, previous FROM event_chain_head WHERE organization_id = tenant FOR UPDATE;
    LOOP
        FETCH run INTO stored;
        EXIT WHEN NOT FOUND;
        reached := reached + 1;
        previous := firmos_event_digest(previous, stored);
        INSERT INTO event_chain (organization_id, position, global_index, event_identifier, hash)
        VALUES (tenant, reached, stored.global_index, stored.event_identifier, previous);
    END LOOP;
    CLOSE run;
    UPDATE event_chain_head SET position = reached, hash = previous WHERE organization_id = tenant;
END
$$;

CREATE FUNCTION firmos_event_tenant(meta_data BYTEA) RETURNS TEXT
    LANGUAGE sql IMMUTABLE AS $$
SELECT coalesce(convert_from(meta_data, 'UTF8')::jsonb ->> 'organizationId', '')
$$;

-- Once per INSERT statement: a bulk load of a million events takes each tenant's head once. Tenants are taken in
-- name order, so two statements spanning the same tenants cannot deadlock.
CREATE FUNCTION firmos_chain_events() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
DECLARE
    tenant TEXT;
    run    REFCURSOR;
BEGIN
    FOR tenant IN SELECT DISTINCT firmos_event_tenant(meta_data) FROM inserted ORDER BY 1 LOOP
        OPEN run FOR SELECT * FROM inserted WHERE firmos_event_tenant(meta_data) = tenant ORDER BY global_index;
        PERFORM firmos_chain_append(tenant, run);
    END LOOP;
    RETURN NULL;
END
$$;

-- Events stored before this migration join their tenant's chain in the order they were stored.
DO $$
DECLARE
    tenant TEXT;
    run    REFCURSOR;
BEGIN
    FOR tenant IN SELECT DISTINCT firmos_event_tenant(meta_data) FROM domain_event_entry ORDER BY 1 LOOP
        OPEN run FOR SELECT * FROM domain_event_entry WHERE firmos_event_tenant(meta_data) = tenant
            ORDER BY global_index;
        PERFORM firmos_chain_append(tenant, run);
    END LOOP;
END
$$;

CREATE TRIGGER domain_event_entry_chain
    AFTER INSERT ON domain_event_entry
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION firmos_chain_events();
