package com.firmos.api.messages.conversation;

import java.util.UUID;

/**
 * One conversation of the tenant; answers nothing when there is none. Without {@code includeInternal} its count
 * and last-message time come from the messages a client may see.
 */
public record FindConversationQuery(
        String organizationId,
        UUID conversationId,
        boolean includeInternal) {
}
