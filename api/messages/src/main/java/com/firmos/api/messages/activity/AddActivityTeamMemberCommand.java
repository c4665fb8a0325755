package com.firmos.api.messages.activity;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AddActivityTeamMemberCommand(
        @TargetAggregateIdentifier UUID activityId,
        String organizationId,
        TeamMember member) {
}
