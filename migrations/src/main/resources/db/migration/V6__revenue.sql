-- Revenue: db-scheduler's table for Axon deadlines (overdue invoices), and the invoice read side (projector
-- revenue, sequenced per client).

CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX idx_scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX idx_scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX idx_scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time ASC);

CREATE TABLE invoice (
    id                       UUID           NOT NULL PRIMARY KEY,
    organization_id          TEXT           NOT NULL,
    client_id                UUID           NOT NULL,
    engagement_id            UUID           NOT NULL,
    number                   TEXT,
    sequence                 BIGINT,
    status                   TEXT           NOT NULL,
    lines                    JSONB          NOT NULL,
    total                    NUMERIC(14, 2) NOT NULL,
    paid                     NUMERIC(14, 2) NOT NULL DEFAULT 0,
    due_date                 DATE           NOT NULL,
    issued_on                DATE,
    recipient_stakeholder_id UUID,
    notes                    TEXT,
    version                  BIGINT         NOT NULL,
    created_at               TIMESTAMPTZ    NOT NULL,
    CONSTRAINT uk_invoice_number UNIQUE (organization_id, number)
);

CREATE INDEX idx_invoice_tenant ON invoice (organization_id, status, due_date);

CREATE TABLE invoice_payment (
    payment_id      UUID           NOT NULL PRIMARY KEY,
    invoice_id      UUID           NOT NULL,
    organization_id TEXT           NOT NULL,
    client_id       UUID           NOT NULL,
    amount          NUMERIC(14, 2) NOT NULL,
    paid_on         DATE           NOT NULL,
    method          TEXT,
    reference       TEXT
);

CREATE INDEX idx_invoice_payment_invoice ON invoice_payment (invoice_id);
