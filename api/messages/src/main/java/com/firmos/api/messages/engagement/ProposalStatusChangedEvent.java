package com.firmos.api.messages.engagement;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ProposalStatusChangedEvent(
        UUID proposalId,
        String organizationId,
        ProposalStatus oldStatus,
        ProposalStatus newStatus) implements ProposalEvent {
}
