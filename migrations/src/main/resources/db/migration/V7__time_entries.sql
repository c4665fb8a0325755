-- Hours worked, for billing; a row disappears when its entry is deleted and names its invoice once billed.
CREATE TABLE time_entry (
    id              UUID          NOT NULL PRIMARY KEY,
    organization_id TEXT          NOT NULL,
    engagement_id   UUID          NOT NULL,
    user_id         TEXT          NOT NULL,
    project_id      UUID          NOT NULL,
    task_id         UUID,
    hours           NUMERIC(4, 2) NOT NULL,
    worked_on       DATE          NOT NULL,
    billable        BOOLEAN       NOT NULL,
    note            TEXT,
    invoice_id      UUID,
    version         BIGINT        NOT NULL
);

CREATE INDEX ix_time_entry_engagement ON time_entry (organization_id, engagement_id, worked_on);
