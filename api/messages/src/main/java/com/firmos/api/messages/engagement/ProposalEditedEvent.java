package com.firmos.api.messages.engagement;

import java.math.BigDecimal;
import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ProposalEditedEvent(
        UUID proposalId,
        String organizationId,
        String oldTitle,
        String title,
        BigDecimal oldAmount,
        BigDecimal amount) implements ProposalEvent {
}
