-- CRM read side (projector crm, sequenced per client): clients, assignments, stakeholders with their personal
-- data still sealed, interactions, deals with the exit-criteria report of every stage they left, competitors,
-- and the daily health history. Plus the keys that seal personal data, one per person.

ALTER TABLE engagement ADD COLUMN budget NUMERIC(14, 2);

CREATE TABLE crm_client (
    id                UUID        NOT NULL PRIMARY KEY,
    organization_id   TEXT        NOT NULL,
    name              TEXT        NOT NULL,
    status            TEXT        NOT NULL,
    budget            NUMERIC(14, 2),
    deadline          DATE,
    metrics           TEXT,
    decision_criteria TEXT,
    decision_process  TEXT,
    paper_process     TEXT,
    identified_pain   TEXT,
    competition       TEXT,
    version           BIGINT      NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);

CREATE INDEX idx_crm_client_tenant ON crm_client (organization_id);

CREATE TABLE crm_client_assignment (
    client_id UUID NOT NULL,
    user_id   TEXT NOT NULL,
    role      TEXT NOT NULL,
    PRIMARY KEY (client_id, user_id)
);

CREATE TABLE crm_stakeholder (
    id               UUID        NOT NULL PRIMARY KEY,
    organization_id  TEXT        NOT NULL,
    client_id        UUID        NOT NULL,
    name             TEXT        NOT NULL,
    title            TEXT,
    roles            TEXT[]      NOT NULL,
    engagement_level TEXT        NOT NULL,
    -- Sealed personal data: ciphertext only, readable with the key of subject_id.
    subject_id       TEXT,
    email_sealed     TEXT,
    phone_sealed     TEXT,
    notes_sealed     TEXT,
    created_at       TIMESTAMPTZ NOT NULL
);

CREATE INDEX idx_crm_stakeholder_client ON crm_stakeholder (client_id);

CREATE TABLE crm_interaction (
    id               UUID        NOT NULL PRIMARY KEY,
    organization_id  TEXT        NOT NULL,
    client_id        UUID        NOT NULL,
    type             TEXT        NOT NULL,
    subject          TEXT        NOT NULL,
    description      TEXT,
    occurred_at      TIMESTAMPTZ NOT NULL,
    duration_minutes INTEGER,
    stakeholder_ids  UUID[]      NOT NULL,
    deal_id          UUID,
    project_id       UUID,
    sentiment        TEXT,
    logged_by        TEXT,
    deleted          BOOLEAN     NOT NULL DEFAULT FALSE,
    version          BIGINT      NOT NULL
);

CREATE INDEX idx_crm_interaction_client ON crm_interaction (client_id, occurred_at DESC);

CREATE TABLE crm_deal (
    id                  UUID           NOT NULL PRIMARY KEY,
    organization_id     TEXT           NOT NULL,
    client_id           UUID           NOT NULL,
    name                TEXT           NOT NULL,
    type                TEXT,
    source              TEXT,
    value               NUMERIC(14, 2) NOT NULL,
    stage               TEXT           NOT NULL,
    stage_entered_at    TIMESTAMPTZ    NOT NULL,
    expected_close_date DATE,
    actual_close_date   DATE,
    loss_reason         TEXT,
    owner_id            TEXT,
    engagement_id       UUID,
    version             BIGINT         NOT NULL,
    created_at          TIMESTAMPTZ    NOT NULL
);

CREATE INDEX idx_crm_deal_pipeline ON crm_deal (organization_id, stage);

CREATE TABLE crm_deal_competitor (
    deal_id       UUID NOT NULL,
    competitor_id UUID NOT NULL,
    status        TEXT NOT NULL,
    PRIMARY KEY (deal_id, competitor_id)
);

CREATE TABLE crm_deal_stage_report (
    event_id      TEXT        NOT NULL PRIMARY KEY,
    deal_id       UUID        NOT NULL,
    left_stage    TEXT        NOT NULL,
    entered_stage TEXT        NOT NULL,
    changed_at    TIMESTAMPTZ NOT NULL,
    criteria      JSONB       NOT NULL
);

CREATE INDEX idx_crm_deal_stage_report_deal ON crm_deal_stage_report (deal_id, changed_at);

CREATE TABLE crm_deal_proposal (
    proposal_id UUID NOT NULL PRIMARY KEY,
    deal_id     UUID NOT NULL,
    client_id   UUID NOT NULL
);

CREATE TABLE crm_competitor (
    id              UUID NOT NULL PRIMARY KEY,
    organization_id TEXT NOT NULL,
    name            TEXT NOT NULL,
    strengths       TEXT,
    weaknesses      TEXT,
    pricing         TEXT
);

CREATE TABLE crm_client_health_daily (
    client_id       UUID    NOT NULL,
    day             DATE    NOT NULL,
    organization_id TEXT    NOT NULL,
    score           INTEGER NOT NULL,
    components      JSONB   NOT NULL,
    PRIMARY KEY (client_id, day)
);

-- One data key per person, wrapped by the master key. Deleting a row erases that person's sealed data from
-- every event and table at once.
CREATE TABLE personal_data_key (
    subject_id      TEXT        NOT NULL PRIMARY KEY,
    organization_id TEXT        NOT NULL,
    wrapped_key     BYTEA       NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);
