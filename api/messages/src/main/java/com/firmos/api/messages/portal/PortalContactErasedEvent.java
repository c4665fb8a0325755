package com.firmos.api.messages.portal;

import java.util.UUID;

import org.axonframework.serialization.Revision;

/** The audit trail's record of an erasure; it names no one, only the access. */
@Revision("1")
public record PortalContactErasedEvent(
        UUID accessId,
        String organizationId,
        UUID engagementId) implements PortalAccessEvent {
}
