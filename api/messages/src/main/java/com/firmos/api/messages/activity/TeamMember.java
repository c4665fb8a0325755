package com.firmos.api.messages.activity;

import java.util.UUID;

/**
 * A member of an activity's team: a user ({@code userId}) or a person without an account ({@code nonUserMemberId},
 * name, email, role).
 */
public record TeamMember(
        String userId,
        UUID nonUserMemberId,
        String name,
        String email,
        String role) {
}
