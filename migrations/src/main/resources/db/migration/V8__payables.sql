-- Vendors and their bills, for the payables view.
CREATE TABLE vendor (
    id              UUID NOT NULL PRIMARY KEY,
    organization_id TEXT NOT NULL,
    name            TEXT NOT NULL,
    email           TEXT
);

CREATE INDEX ix_vendor_organization ON vendor (organization_id, name);

CREATE TABLE bill (
    id              UUID           NOT NULL PRIMARY KEY,
    organization_id TEXT           NOT NULL,
    vendor_id       UUID           NOT NULL,
    engagement_id   UUID,
    reference       TEXT,
    amount          NUMERIC(14, 2) NOT NULL,
    due_date        DATE           NOT NULL,
    description     TEXT,
    status          TEXT           NOT NULL,
    paid_on         DATE,
    reason          TEXT,
    version         BIGINT         NOT NULL
);

CREATE INDEX ix_bill_due ON bill (organization_id, due_date);
