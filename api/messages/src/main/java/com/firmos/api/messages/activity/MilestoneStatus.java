package com.firmos.api.messages.activity;

/** The old Workbench's milestone statuses, which the bridge speaks: pending is planned, completed is done. */
public enum MilestoneStatus {
    PENDING,
    IN_PROGRESS,
    COMPLETED,
    SKIPPED
}
