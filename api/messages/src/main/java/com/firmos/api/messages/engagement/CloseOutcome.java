package com.firmos.api.messages.engagement;

/** How a closed engagement ended. */
public enum CloseOutcome {
    COMPLETED,
    CANCELLED
}
