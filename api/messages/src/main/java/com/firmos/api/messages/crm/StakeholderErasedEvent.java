package com.firmos.api.messages.crm;

import java.util.UUID;

import org.axonframework.serialization.Revision;

/** The audit trail's record of an erasure: it names the stakeholder by id only; their key is deleted after it. */
@Revision("1")
public record StakeholderErasedEvent(
        UUID clientId,
        String organizationId,
        UUID stakeholderId) implements ClientEvent {
}
