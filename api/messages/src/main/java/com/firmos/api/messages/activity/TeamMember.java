package com.firmos.api.messages.activity;

import java.util.UUID;

import com.firmos.api.messages.crm.Sealed;

/**
 * A member of an activity's team: a user ({@code userId}, whose name and email live in their account) or a person
 * without an account ({@code nonUserMemberId}, with name and email sealed under that id's key, and a role).
 */
public record TeamMember(
        String userId,
        UUID nonUserMemberId,
        Sealed name,
        Sealed email,
        String role) {
}
