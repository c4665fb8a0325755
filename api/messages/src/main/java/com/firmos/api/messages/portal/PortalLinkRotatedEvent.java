package com.firmos.api.messages.portal;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record PortalLinkRotatedEvent(
        UUID accessId,
        String organizationId,
        UUID engagementId,
        String tokenHash) implements PortalAccessEvent {
}
