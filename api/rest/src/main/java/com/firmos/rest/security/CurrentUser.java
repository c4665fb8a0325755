package com.firmos.rest.security;

import org.springframework.security.oauth2.jwt.Jwt;

/** The caller as its verified token describes it; the only source of the tenant. */
public record CurrentUser(String userId, String name, String organizationId, Role role) {

    public static final String ORGANIZATION_CLAIM = "org_id";
    public static final String ROLE_CLAIM = "role";
    public static final String NAME_CLAIM = "name";

    static CurrentUser of(Jwt jwt) {
        return new CurrentUser(jwt.getSubject(), jwt.getClaimAsString(NAME_CLAIM),
                jwt.getClaimAsString(ORGANIZATION_CLAIM),
                Role.fromClaim(jwt.getClaimAsString(ROLE_CLAIM)).orElseThrow());
    }
}
