-- The Living Playbook read side: the board's cards with their team, resources, winning moves, relations and
-- comments (projector planning-view), and the relations view with the titles it shows (projector relations).

ALTER TABLE planning_activity
    ADD COLUMN assigned_team TEXT,
    ADD COLUMN score_data    JSONB;

CREATE INDEX idx_planning_activity_team ON planning_activity (organization_id, engagement_id, assigned_team);

CREATE TABLE planning_activity_resource (
    resource_id     UUID    NOT NULL PRIMARY KEY,
    activity_id     UUID    NOT NULL,
    organization_id TEXT    NOT NULL,
    position        INTEGER NOT NULL,
    type            TEXT    NOT NULL,
    title           TEXT    NOT NULL,
    icon            TEXT,
    url             TEXT,
    notion_page_id  TEXT,
    tenant_page_id  UUID,
    tenant_file_id  UUID
);

CREATE INDEX idx_planning_activity_resource_activity ON planning_activity_resource (activity_id, position);

CREATE TABLE planning_activity_member (
    activity_id        UUID        NOT NULL,
    -- 'user:<user id>' or 'guest:<non-user member id>': one row per person on the team.
    member_key         TEXT        NOT NULL,
    organization_id    TEXT        NOT NULL,
    user_id            TEXT,
    non_user_member_id UUID,
    name               TEXT,
    email              TEXT,
    role               TEXT,
    added_at           TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (activity_id, member_key),
    CONSTRAINT planning_activity_member_reference CHECK (user_id IS NOT NULL OR non_user_member_id IS NOT NULL)
);

CREATE TABLE planning_winning_move (
    id                 UUID        NOT NULL PRIMARY KEY,
    organization_id    TEXT        NOT NULL,
    engagement_id      UUID        NOT NULL,
    title              TEXT        NOT NULL,
    description        TEXT,
    source_phase       TEXT        NOT NULL,
    source_activity_id UUID,
    status             TEXT        NOT NULL,
    version            BIGINT      NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL
);

CREATE INDEX idx_planning_winning_move_engagement ON planning_winning_move (organization_id, engagement_id);

CREATE TABLE planning_activity_winning_move (
    activity_id     UUID        NOT NULL,
    winning_move_id UUID        NOT NULL,
    organization_id TEXT        NOT NULL,
    completed       BOOLEAN     NOT NULL DEFAULT FALSE,
    completed_at    TIMESTAMPTZ,
    linked_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (activity_id, winning_move_id)
);

CREATE INDEX idx_planning_activity_winning_move_move ON planning_activity_winning_move (winning_move_id);

CREATE TABLE planning_relation (
    relation_id     UUID NOT NULL PRIMARY KEY,
    organization_id TEXT NOT NULL,
    source_type     TEXT NOT NULL,
    source_id       TEXT NOT NULL,
    target_type     TEXT NOT NULL,
    target_id       TEXT NOT NULL
);

CREATE INDEX idx_planning_relation_source ON planning_relation (organization_id, source_type, source_id);
CREATE INDEX idx_planning_relation_target ON planning_relation (organization_id, target_type, target_id);

CREATE TABLE planning_activity_comment (
    comment_id      UUID        NOT NULL PRIMARY KEY,
    activity_id     UUID        NOT NULL,
    organization_id TEXT        NOT NULL,
    author_id       TEXT        NOT NULL,
    author_name     TEXT,
    text            TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    edited_at       TIMESTAMPTZ
);

CREATE INDEX idx_planning_activity_comment_activity ON planning_activity_comment (activity_id, created_at);

CREATE TABLE relation (
    relation_id     UUID        NOT NULL PRIMARY KEY,
    organization_id TEXT        NOT NULL,
    source_type     TEXT        NOT NULL,
    source_id       TEXT        NOT NULL,
    target_type     TEXT        NOT NULL,
    target_id       TEXT        NOT NULL,
    relation_type   TEXT,
    label           TEXT,
    created_by      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT uk_relation_pair UNIQUE (organization_id, source_type, source_id, target_type, target_id)
);

CREATE INDEX idx_relation_target ON relation (organization_id, target_type, target_id);

-- What the relations view knows of the entities it links: their title, status and engagement.
CREATE TABLE relation_entity (
    organization_id TEXT NOT NULL,
    entity_type     TEXT NOT NULL,
    entity_id       TEXT NOT NULL,
    engagement_id   UUID,
    title           TEXT,
    status          TEXT,
    PRIMARY KEY (organization_id, entity_type, entity_id)
);

CREATE INDEX idx_relation_entity_engagement ON relation_entity (organization_id, engagement_id);
