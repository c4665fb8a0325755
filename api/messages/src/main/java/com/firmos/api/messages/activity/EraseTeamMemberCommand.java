package com.firmos.api.messages.activity;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import com.firmos.api.messages.Actor;

/** Erases a person without an account from every team they were ever on: their name and email become unreadable. */
public record EraseTeamMemberCommand(
        @TargetAggregateIdentifier UUID nonUserMemberId,
        String organizationId,
        Actor actor) {
}
