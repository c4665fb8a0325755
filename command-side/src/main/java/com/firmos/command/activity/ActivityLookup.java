package com.firmos.command.activity;

import java.util.UUID;

/** Answers what a comment may know of its activity; Axon injects it into handler methods as a Spring bean. */
interface ActivityLookup {

    /** The activity, or a refusal: no such activity in the tenant. */
    ActivityFacts require(UUID activityId, String organizationId);
}
