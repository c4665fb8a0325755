package com.firmos.command.crm;

import java.util.UUID;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;

@Component
class RepositoryCompetitorLookup implements CompetitorLookup {

    private final Repository<Competitor> competitors;

    RepositoryCompetitorLookup(Repository<Competitor> competitors) {
        this.competitors = competitors;
    }

    @Override
    public void requireKnown(UUID competitorId, String organizationId) {
        FieldRules.required("competitorId", competitorId);
        try {
            competitors.load(competitorId.toString()).execute(it -> it.requireTenant(organizationId));
        } catch (AggregateNotFoundException missing) {
            throw unknown();
        }
    }

    static DomainException unknown() {
        return DomainException.invalid("competitorId", "competitorId names no competitor in your catalogue");
    }
}
