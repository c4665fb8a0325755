package com.firmos.rest.security;

import java.util.Locale;

import org.springframework.security.oauth2.jwt.Jwt;

import com.firmos.api.messages.Actor;

/** The caller as its verified token describes it; the only source of the tenant. */
public record CurrentUser(String userId, String name, String organizationId, Role role) {

    public static final String ORGANIZATION_CLAIM = "org_id";
    public static final String ROLE_CLAIM = "role";
    public static final String NAME_CLAIM = "name";

    /** The caller as commands name it, for rules that depend on who acts. */
    public Actor actor() {
        return new Actor(userId, role.name().toLowerCase(Locale.ROOT));
    }

    static CurrentUser of(Jwt jwt) {
        return new CurrentUser(jwt.getSubject(), jwt.getClaimAsString(NAME_CLAIM),
                jwt.getClaimAsString(ORGANIZATION_CLAIM),
                Role.fromClaim(jwt.getClaimAsString(ROLE_CLAIM)).orElseThrow());
    }
}
