package com.firmos.api.messages.project;

/** How much work a task is. */
public enum TaskEffort {
    LIGHT,
    MEDIUM,
    HEAVY
}
