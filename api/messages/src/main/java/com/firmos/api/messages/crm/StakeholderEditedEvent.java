package com.firmos.api.messages.crm;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("2")
public record StakeholderEditedEvent(
        UUID clientId,
        String organizationId,
        UUID stakeholderId,
        StakeholderDetails details) implements ClientEvent {
}
