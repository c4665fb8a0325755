-- Activity, WinningMove, RelationGraph and TeamMemberErasure moved from com.firmos.command.playbook to
-- com.firmos.command.activity. Their events name the aggregate by its simple name and still load; a snapshot names
-- the class it holds, so the old ones cannot be read. Without them an aggregate loads from its events, and the
-- snapshotter writes a new snapshot at the next threshold.
DELETE FROM snapshot_event_entry
WHERE payload_type IN ('com.firmos.command.playbook.Activity', 'com.firmos.command.playbook.WinningMove',
                       'com.firmos.command.playbook.RelationGraph', 'com.firmos.command.playbook.TeamMemberErasure');
