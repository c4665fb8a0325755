package com.firmos.command.project;

import java.util.UUID;

/** Answers whether a project can take new tasks; Axon injects it into handler methods as a Spring bean. */
public interface ProjectLookup {

    /** The project, or a refusal: no such project in the tenant, or one that is deleted, completed or cancelled. */
    ProjectFacts requireOpen(UUID projectId, String organizationId);
}
