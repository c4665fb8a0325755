package com.firmos.api.messages.timeline;

import java.util.UUID;

/**
 * An engagement's timeline as its client may see it: the playbook, the engagement's course, projects, tasks,
 * conversations and invoices once sent; never staff-only entries, commercial or CRM records, or request details.
 */
public record FindPortalTimelineQuery(
        String organizationId,
        UUID engagementId,
        String cursor,
        int limit) {
}
