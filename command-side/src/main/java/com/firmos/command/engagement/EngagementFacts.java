package com.firmos.command.engagement;

import java.util.Objects;
import java.util.UUID;

import com.firmos.api.messages.activity.PlaybookPhase;
import com.firmos.command.DomainException;

/** What other aggregates may know of an engagement they put work into. */
public record EngagementFacts(UUID engagementId, PlaybookPhase phase, UUID clientId) {

    /**
     * Refuses client work filed under another client's engagement: the write check asked about the named client,
     * so an engagement of a different one would slip past it.
     */
    public EngagementFacts requireOfClient(UUID expectedClientId, String field) {
        if (!Objects.equals(clientId, expectedClientId)) {
            throw DomainException.invalid(field, field + " names an engagement of another client");
        }
        return this;
    }
}
