package com.firmos.api.messages.project;

/** The lifecycle of a project. */
public enum ProjectStatus {
    ACTIVE,
    PAUSED,
    COMPLETED,
    CANCELLED
}
