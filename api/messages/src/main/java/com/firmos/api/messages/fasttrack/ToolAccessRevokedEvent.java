package com.firmos.api.messages.fasttrack;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ToolAccessRevokedEvent(
        UUID permissionId,
        String organizationId,
        String userId,
        String toolSlug) implements ToolAccessEvent {
}
