-- Read rows that status changes update in place keep a fifth of each page free. A filled page leaves PostgreSQL no
-- room for a heap-only update, so every status change wrote a new entry into each of the table's indexes (3 % of
-- the planning board's updates were heap-only in a rebuild of 162,506 events); with the room, an update that
-- changes no indexed column touches no index. New pages only: existing rows gain it as a rebuild rewrites them.
ALTER TABLE planning_activity SET (fillfactor = 80);
ALTER TABLE relation_entity SET (fillfactor = 80);
ALTER TABLE crm_deal SET (fillfactor = 80);
ALTER TABLE crm_client SET (fillfactor = 80);
ALTER TABLE engagement SET (fillfactor = 80);
ALTER TABLE project SET (fillfactor = 80);
ALTER TABLE task SET (fillfactor = 80);
ALTER TABLE invoice SET (fillfactor = 80);
ALTER TABLE proposal SET (fillfactor = 80);
ALTER TABLE conversation SET (fillfactor = 80);
