package com.firmos.api.messages.crm;

/** How an interaction went. */
public enum Sentiment {
    POSITIVE,
    NEUTRAL,
    NEGATIVE
}
