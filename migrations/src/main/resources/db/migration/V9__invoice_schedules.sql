-- Recurring invoices and where each stands; the drafts themselves are rows of invoice.
CREATE TABLE invoice_schedule (
    id              UUID    NOT NULL PRIMARY KEY,
    organization_id TEXT    NOT NULL,
    client_id       UUID    NOT NULL,
    engagement_id   UUID    NOT NULL,
    cadence         TEXT    NOT NULL,
    day_of_month    INT     NOT NULL,
    start_on        DATE    NOT NULL,
    end_on          DATE,
    last_drafted_on DATE,
    next_on         DATE,
    drafted         INT     NOT NULL DEFAULT 0,
    version         BIGINT  NOT NULL
);

CREATE INDEX ix_invoice_schedule_organization ON invoice_schedule (organization_id, start_on);
