-- Read tables of the first projections. Status, phase and bucket hold the wire values of the seeds
-- ('in_progress', 'this_quarter'), so SQL readers see the same words as API clients.

CREATE TABLE planning_activity (
    id            UUID        NOT NULL PRIMARY KEY,
    organization_id TEXT      NOT NULL,
    engagement_id UUID        NOT NULL,
    title         TEXT        NOT NULL,
    description   TEXT,
    icon          TEXT,
    icon_color    TEXT,
    status        TEXT        NOT NULL,
    phase         TEXT,
    time_bucket   TEXT        NOT NULL,
    scheduled_date DATE,
    due_date      DATE,
    order_index   INTEGER     NOT NULL,
    completed_at  TIMESTAMPTZ,
    completed_by  TEXT,
    -- The aggregate sequence number last applied: replays and redeliveries never move a row backwards.
    version       BIGINT      NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);

CREATE INDEX idx_planning_activity_board
    ON planning_activity (organization_id, engagement_id, time_bucket, order_index);

CREATE TABLE timeline_entry (
    event_id        TEXT        NOT NULL PRIMARY KEY,
    global_position BIGINT      NOT NULL,
    organization_id TEXT        NOT NULL,
    engagement_id   UUID,
    entity_type     TEXT        NOT NULL,
    entity_id       TEXT        NOT NULL,
    event_type      TEXT        NOT NULL,
    actor_id        TEXT,
    actor_name      TEXT,
    occurred_at     TIMESTAMPTZ NOT NULL,
    old_value       JSONB,
    new_value       JSONB,
    comment         TEXT,
    client_ip       TEXT,
    user_agent      TEXT,
    correlation_id  TEXT
);

CREATE INDEX idx_timeline_entry_tenant ON timeline_entry (organization_id, occurred_at DESC, global_position DESC);
CREATE INDEX idx_timeline_entry_engagement
    ON timeline_entry (organization_id, engagement_id, occurred_at DESC, global_position DESC);
CREATE INDEX idx_timeline_entry_entity
    ON timeline_entry (organization_id, entity_type, entity_id, occurred_at DESC, global_position DESC);
CREATE INDEX idx_timeline_entry_actor
    ON timeline_entry (organization_id, actor_id, occurred_at DESC, global_position DESC);
