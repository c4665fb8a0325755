package com.firmos.api.messages.activity;

/** What an activity resource points at; each type needs its own reference field. */
public enum ResourceType {
    NOTION,
    URL,
    FILE,
    TENANT_PAGE,
    TENANT_FILE
}
