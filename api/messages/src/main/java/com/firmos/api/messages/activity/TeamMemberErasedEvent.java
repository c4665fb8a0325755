package com.firmos.api.messages.activity;

import java.util.UUID;

import org.axonframework.serialization.Revision;

/** The audit trail's record of an erasure: it names the person by id only; their key is deleted after it. */
@Revision("1")
public record TeamMemberErasedEvent(
        UUID nonUserMemberId,
        String organizationId) implements TeamMemberErasureEvent {
}
