package com.firmos.api.messages.activity;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import com.firmos.api.messages.Actor;

/**
 * Erases a person without an account from every team they were ever on: their name and email become unreadable.
 * The erasure is keyed by {@link #erasureIdOf(String, UUID)}, so one tenant's erasure of an id never lands on, or
 * blocks, another tenant's erasure of the same id.
 */
public record EraseTeamMemberCommand(
        @TargetAggregateIdentifier UUID erasureId,
        UUID nonUserMemberId,
        String organizationId,
        Actor actor) {

    public static EraseTeamMemberCommand of(UUID nonUserMemberId, String organizationId, Actor actor) {
        return new EraseTeamMemberCommand(erasureIdOf(organizationId, nonUserMemberId), nonUserMemberId,
                organizationId, actor);
    }

    /** A name-based UUID of tenant and person: the same pair always names the same erasure. */
    public static UUID erasureIdOf(String organizationId, UUID nonUserMemberId) {
        return UUID.nameUUIDFromBytes(("team-member-erasure:" + organizationId + "/" + nonUserMemberId)
                .getBytes(StandardCharsets.UTF_8));
    }
}
