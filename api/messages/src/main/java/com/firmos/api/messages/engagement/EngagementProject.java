package com.firmos.api.messages.engagement;

import java.util.UUID;

/** A project as the engagement hub lists it. */
public record EngagementProject(
        UUID projectId,
        String name,
        String phase,
        String status) {
}
