package com.firmos.api.messages.crm;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record StakeholderRemovedEvent(
        UUID clientId,
        String organizationId,
        UUID stakeholderId) implements ClientEvent {
}
