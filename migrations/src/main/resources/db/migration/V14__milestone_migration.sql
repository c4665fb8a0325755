-- Activities that began as milestones of the old Workbench keep the milestone's id (the seed's mapping), so the
-- bridge's milestone-shaped reads and writes find them by it and a re-run import recognises them.
ALTER TABLE planning_activity ADD COLUMN migrated_from_milestone_id UUID;

CREATE UNIQUE INDEX uk_planning_activity_milestone
    ON planning_activity (organization_id, migrated_from_milestone_id)
    WHERE migrated_from_milestone_id IS NOT NULL;
