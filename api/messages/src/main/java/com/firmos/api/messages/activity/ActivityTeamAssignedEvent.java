package com.firmos.api.messages.activity;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ActivityTeamAssignedEvent(
        UUID activityId,
        String organizationId,
        UUID engagementId,
        String oldTeam,
        String newTeam) implements ActivityEvent {
}
