package com.firmos.api.messages.activity;

import java.util.UUID;

/** A link, file or page attached to an activity; which reference fields are set depends on the type. */
public record ActivityResource(
        UUID resourceId,
        ResourceType type,
        String title,
        String icon,
        String url,
        String notionPageId,
        UUID tenantPageId,
        UUID tenantFileId) {
}
