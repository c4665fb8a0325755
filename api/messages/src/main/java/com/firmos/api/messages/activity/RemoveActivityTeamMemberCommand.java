package com.firmos.api.messages.activity;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes the member named by its user id or by its non-user member id. */
public record RemoveActivityTeamMemberCommand(
        @TargetAggregateIdentifier UUID activityId,
        String organizationId,
        String userId,
        UUID nonUserMemberId) {
}
