package com.firmos.api.messages.conversation;

import java.util.UUID;

/**
 * One message of the tenant, unless deleted; answers nothing when there is none, or when it is internal and the
 * reader may not see internal messages.
 */
public record FindMessageQuery(
        String organizationId,
        UUID messageId,
        boolean includeInternal) {
}
