package com.firmos.api.messages.fasttrack;

/** How far a user has come with a tool, as the dashboard shows it. */
public enum ToolProgressStatus {
    NOT_STARTED,
    IN_PROGRESS,
    COMPLETED
}
