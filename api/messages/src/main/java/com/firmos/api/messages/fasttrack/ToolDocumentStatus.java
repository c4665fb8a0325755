package com.firmos.api.messages.fasttrack;

/** The lifecycle of a user's document of one Fast Track tool. */
public enum ToolDocumentStatus {
    DRAFT,
    IN_PROGRESS,
    COMPLETED,
    SUBMITTED
}
