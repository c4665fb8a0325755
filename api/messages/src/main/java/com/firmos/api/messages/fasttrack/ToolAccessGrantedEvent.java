package com.firmos.api.messages.fasttrack;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ToolAccessGrantedEvent(
        UUID permissionId,
        String organizationId,
        String userId,
        String toolSlug,
        ToolAccessLevel level,
        Instant expiresAt,
        String grantedBy) implements ToolAccessEvent {
}
