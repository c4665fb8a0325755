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

-- The head row's lock orders one tenant's concurrent writers; other tenants never wait on it.
CREATE FUNCTION firmos_chain_append(e domain_event_entry) RETURNS VOID
    LANGUAGE plpgsql AS $$
DECLARE
    tenant   TEXT := coalesce(convert_from(e.meta_data, 'UTF8')::jsonb ->> 'organizationId', '');
    previous BYTEA;
    next_position BIGINT;
    link     BYTEA;
BEGIN
    INSERT INTO event_chain_head (organization_id, position, hash)
    VALUES (tenant, 0, decode(repeat('00', 32), 'hex'))
    ON CONFLICT (organization_id) DO NOTHING;
    SELECT position + 1, hash INTO next_position, previous
    FROM event_chain_head WHERE organization_id = tenant FOR UPDATE;
    link := firmos_event_digest(previous, e);
    UPDATE event_chain_head SET position = next_position, hash = link WHERE organization_id = tenant;
    INSERT INTO event_chain (organization_id, position, global_index, event_identifier, hash)
    VALUES (tenant, next_position, e.global_index, e.event_identifier, link);
END
$$;

CREATE FUNCTION firmos_chain_event() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM firmos_chain_append(NEW);
    RETURN NULL;
END
$$;

-- Events stored before this migration join their tenant's chain in the order they were stored.
DO $$
DECLARE
    stored domain_event_entry;
BEGIN
    FOR stored IN SELECT * FROM domain_event_entry ORDER BY global_index LOOP
        PERFORM firmos_chain_append(stored);
    END LOOP;
END
$$;

CREATE TRIGGER domain_event_entry_chain
    AFTER INSERT ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION firmos_chain_event();
