-- The engagement hub read side (projector engagements): engagements with their orders and proposals, projects
-- and tasks, conversations and messages. Internal (staff-only) messages are flagged from the start, so that
-- every client-facing read can leave them out, counts and times included.

CREATE TABLE engagement (
    id              UUID        NOT NULL PRIMARY KEY,
    organization_id TEXT        NOT NULL,
    client_id       UUID        NOT NULL,
    name            TEXT,
    status          TEXT        NOT NULL,
    close_outcome   TEXT,
    phase           TEXT        NOT NULL,
    deal_id         UUID,
    proposal_id     UUID,
    contract_id     UUID,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    closed_at       TIMESTAMPTZ
);

CREATE INDEX idx_engagement_tenant ON engagement (organization_id, status, phase);
CREATE INDEX idx_engagement_client ON engagement (organization_id, client_id);

-- Orders are financial records: they stay when the engagement closes.
CREATE TABLE engagement_order (
    order_id        UUID          NOT NULL PRIMARY KEY,
    organization_id TEXT          NOT NULL,
    engagement_id   UUID          NOT NULL,
    proposal_id     UUID,
    amount          NUMERIC(14, 2) NOT NULL,
    currency        TEXT          NOT NULL,
    placed_at       TIMESTAMPTZ   NOT NULL
);

CREATE INDEX idx_engagement_order_engagement ON engagement_order (organization_id, engagement_id);

CREATE TABLE proposal (
    id              UUID           NOT NULL PRIMARY KEY,
    organization_id TEXT           NOT NULL,
    client_id       UUID           NOT NULL,
    deal_id         UUID,
    engagement_id   UUID,
    order_id        UUID,
    title           TEXT           NOT NULL,
    amount          NUMERIC(14, 2) NOT NULL,
    status          TEXT           NOT NULL,
    accepted_by     TEXT,
    accepted_at     TIMESTAMPTZ,
    version         BIGINT         NOT NULL,
    created_at      TIMESTAMPTZ    NOT NULL,
    updated_at      TIMESTAMPTZ    NOT NULL
);

CREATE INDEX idx_proposal_engagement ON proposal (organization_id, engagement_id);

CREATE TABLE project (
    id                  UUID        NOT NULL PRIMARY KEY,
    organization_id     TEXT        NOT NULL,
    engagement_id       UUID        NOT NULL,
    name                TEXT        NOT NULL,
    description         TEXT,
    service_template_id UUID,
    phase               TEXT        NOT NULL,
    status              TEXT        NOT NULL,
    completed_at        TIMESTAMPTZ,
    deleted_at          TIMESTAMPTZ,
    version             BIGINT      NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL
);

CREATE INDEX idx_project_engagement ON project (organization_id, engagement_id);

CREATE TABLE task (
    id              UUID        NOT NULL PRIMARY KEY,
    organization_id TEXT        NOT NULL,
    engagement_id   UUID        NOT NULL,
    project_id      UUID        NOT NULL,
    title           TEXT        NOT NULL,
    description     TEXT,
    status          TEXT        NOT NULL,
    priority        TEXT,
    effort          TEXT,
    due_date        DATE,
    milestone       BOOLEAN     NOT NULL,
    critical        BOOLEAN     NOT NULL,
    assignee_id     TEXT,
    project_phase   TEXT,
    completed_at    TIMESTAMPTZ,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);

CREATE INDEX idx_task_project ON task (organization_id, project_id, status);

CREATE TABLE conversation (
    id                     UUID        NOT NULL PRIMARY KEY,
    organization_id        TEXT        NOT NULL,
    engagement_id          UUID        NOT NULL,
    subject                TEXT        NOT NULL,
    status                 TEXT        NOT NULL,
    last_message_at        TIMESTAMPTZ,
    last_public_message_at TIMESTAMPTZ,
    message_count          INTEGER     NOT NULL DEFAULT 0,
    public_message_count   INTEGER     NOT NULL DEFAULT 0,
    version                BIGINT      NOT NULL,
    created_at             TIMESTAMPTZ NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL
);

CREATE INDEX idx_conversation_engagement ON conversation (organization_id, engagement_id, last_message_at DESC);

CREATE TABLE conversation_message (
    id              UUID        NOT NULL PRIMARY KEY,
    organization_id TEXT        NOT NULL,
    engagement_id   UUID        NOT NULL,
    conversation_id UUID        NOT NULL,
    sender_id       TEXT        NOT NULL,
    sender_name     TEXT,
    content         TEXT        NOT NULL,
    attachments     JSONB       NOT NULL DEFAULT '[]',
    internal        BOOLEAN     NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    edited_at       TIMESTAMPTZ,
    deleted_at      TIMESTAMPTZ
);

CREATE INDEX idx_conversation_message_page ON conversation_message (conversation_id, created_at DESC, id DESC);

-- Staff-only entries (internal messages) are flagged so client-facing timelines can leave them out.
ALTER TABLE timeline_entry ADD COLUMN internal BOOLEAN NOT NULL DEFAULT FALSE;
