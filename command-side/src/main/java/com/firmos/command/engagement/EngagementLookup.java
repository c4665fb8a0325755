package com.firmos.command.engagement;

import java.util.UUID;

/**
 * Answers whether an engagement can take new work, for command handlers of other aggregates (activities,
 * projects, conversations, proposals). Axon injects it into handler methods as a Spring bean.
 */
public interface EngagementLookup {

    /**
     * The engagement, or a refusal: {@code engagementId} names no engagement of the tenant (400), or one that is
     * closed (409).
     */
    EngagementFacts requireOpen(UUID engagementId, String organizationId);

    /** The engagement, open or closed, or a refusal when it names no engagement of the tenant (400). */
    EngagementFacts require(UUID engagementId, String organizationId);
}
