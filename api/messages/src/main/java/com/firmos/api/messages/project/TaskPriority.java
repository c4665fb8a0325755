package com.firmos.api.messages.project;

/** How urgent a task is. */
public enum TaskPriority {
    LOW,
    MEDIUM,
    HIGH,
    URGENT
}
