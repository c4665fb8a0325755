package com.firmos.api.messages.crm;

/** Where a competitor stands in a deal. */
public enum CompetitorStatus {
    ACTIVE,
    DISPLACED,
    LOST_TO
}
