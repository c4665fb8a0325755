package com.firmos.api.messages.portal;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record PortalAccessRevokedEvent(
        UUID accessId,
        String organizationId,
        UUID engagementId) implements PortalAccessEvent {
}
