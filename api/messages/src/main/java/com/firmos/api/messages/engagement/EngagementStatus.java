package com.firmos.api.messages.engagement;

/** The lifecycle of an engagement; a closed one records how it ended. */
public enum EngagementStatus {
    ACTIVE,
    PAUSED,
    CLOSED
}
