package com.firmos.api.messages.crm;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record InteractionLoggedEvent(
        UUID interactionId,
        String organizationId,
        UUID clientId,
        InteractionDetails details) implements InteractionEvent {
}
