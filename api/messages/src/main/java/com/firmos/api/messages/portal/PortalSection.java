package com.firmos.api.messages.portal;

/** What a portal link may show of its engagement. */
public enum PortalSection {
    PLAYBOOK,
    PROJECTS,
    TASKS,
    TIMELINE,
    STATUS,
    CONVERSATIONS,
    INVOICES
}
