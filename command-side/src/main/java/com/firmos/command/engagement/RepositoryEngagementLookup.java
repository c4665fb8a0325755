package com.firmos.command.engagement;

import java.util.UUID;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;

/** Reads the engagement aggregate itself, in the unit of work of the command that asks. */
@Component
class RepositoryEngagementLookup implements EngagementLookup {

    private final Repository<Engagement> engagements;

    RepositoryEngagementLookup(Repository<Engagement> engagements) {
        this.engagements = engagements;
    }

    @Override
    public EngagementFacts requireOpen(UUID engagementId, String organizationId) {
        FieldRules.required("engagementId", engagementId);
        try {
            return engagements.load(engagementId.toString()).invoke(it -> it.factsForNewWork(organizationId));
        } catch (AggregateNotFoundException missing) {
            throw unknown();
        }
    }

    @Override
    public EngagementFacts require(UUID engagementId, String organizationId) {
        FieldRules.required("engagementId", engagementId);
        try {
            return engagements.load(engagementId.toString()).invoke(it -> it.facts(organizationId));
        } catch (AggregateNotFoundException missing) {
            throw unknown();
        }
    }

    static DomainException unknown() {
        return DomainException.invalid("engagementId", "engagementId names no engagement of your organization");
    }
}
