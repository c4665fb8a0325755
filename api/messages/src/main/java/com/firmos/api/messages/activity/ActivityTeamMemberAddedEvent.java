package com.firmos.api.messages.activity;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("2")
public record ActivityTeamMemberAddedEvent(
        UUID activityId,
        String organizationId,
        UUID engagementId,
        TeamMember member) implements ActivityEvent {
}
