package com.firmos.command.project;

import java.util.UUID;

/** What a task may know of its project. */
public record ProjectFacts(UUID projectId, UUID engagementId) {
}
