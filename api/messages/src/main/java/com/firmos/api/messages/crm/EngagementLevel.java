package com.firmos.api.messages.crm;

/** How engaged a stakeholder is. */
public enum EngagementLevel {
    HIGH,
    MEDIUM,
    LOW,
    DISENGAGED
}
