package com.firmos.command.crm;

import java.util.UUID;

/** Answers whether a competitor is in the tenant's catalogue; Axon injects it into handlers as a Spring bean. */
public interface CompetitorLookup {

    void requireKnown(UUID competitorId, String organizationId);
}
