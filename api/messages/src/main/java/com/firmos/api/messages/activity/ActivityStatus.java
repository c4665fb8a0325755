package com.firmos.api.messages.activity;

/** Where an activity stands on the Living Playbook board. */
public enum ActivityStatus {
    SUGGESTION,
    PLANNED,
    IN_PROGRESS,
    DONE,
    SKIPPED
}
