package com.firmos.api.messages.project;

/** The lifecycle of a task. */
public enum TaskStatus {
    TODO,
    IN_PROGRESS,
    REVIEW,
    COMPLETED,
    CANCELLED
}
