package com.firmos.api.messages.conversation;

import java.util.UUID;

/**
 * The engagement's conversations, most recent message first. Without includeInternal, internal messages count for
 * nothing.
 */
public record FindConversationsQuery(
        String organizationId,
        UUID engagementId,
        boolean includeInternal) {
}
