-- The application nodes running on this database, each beating every few seconds, so that every node can take an
-- equal share of each event processor's segments (Axon's JPA token store lets the first node keep all of them).
-- A node that stops beating stops counting; its segments' claims time out and the others take them.
CREATE TABLE processing_node (
    node_id    TEXT        NOT NULL PRIMARY KEY,
    started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    beat_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
