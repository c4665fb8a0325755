-- A rebuild inserts each event's entry once into an emptied timeline_entry and builds this key at its end, one sort
-- instead of a random insert per row (docs/BENCHMARKS.md): a key that a rebuild drops is a unique index, not a
-- primary key. Its columns stay NOT NULL; redelivery still inserts nothing twice (TimelineProjector).
ALTER TABLE timeline_entry DROP CONSTRAINT timeline_entry_pkey;
CREATE UNIQUE INDEX IF NOT EXISTS uk_timeline_entry_event ON timeline_entry (organization_id, event_id);
