package com.firmos.api.messages.crm;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ClientUnassignedEvent(
        UUID clientId,
        String organizationId,
        String userId) implements ClientEvent {
}
