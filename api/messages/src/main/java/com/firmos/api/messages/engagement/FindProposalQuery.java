package com.firmos.api.messages.engagement;

import java.util.UUID;

public record FindProposalQuery(
        String organizationId,
        UUID proposalId) {
}
