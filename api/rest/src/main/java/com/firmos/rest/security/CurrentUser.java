package com.firmos.rest.security;

import java.util.Locale;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

import com.firmos.api.messages.Actor;
import com.firmos.rest.problem.ApiProblem;

/** The caller as its verified token describes it; the only source of the tenant. */
public record CurrentUser(String userId, String name, String organizationId, Role role) {

    public static final String ORGANIZATION_CLAIM = "org_id";
    public static final String ROLE_CLAIM = "role";
    public static final String NAME_CLAIM = "name";
    /**
     * How a portal contact is named wherever they act: events outlive an erasure, so they carry the access
     * ({@code portal:<id>}) and this, never the person's name.
     */
    public static final String CLIENT_CONTACT_NAME = "Client contact";

    /** The caller as commands name it, for rules that depend on who acts. */
    public Actor actor() {
        return new Actor(userId, role.name().toLowerCase(Locale.ROOT));
    }

    /** Refuses with 403, naming the field (or none) and why, unless the caller is an admin. */
    public void requireAdmin(String field, String why) {
        if (role != Role.ADMIN) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", field, why);
        }
    }

    /** Refuses with 403 unless the caller operates the platform: operations that change what every tenant reads. */
    public void requireOperator(String why) {
        if (role != Role.OPERATOR) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", null, why);
        }
    }

    /** The caller of the request this thread serves, when it authenticated with a token. */
    public static Optional<CurrentUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Jwt jwt
                ? Optional.of(of(jwt)) : Optional.empty();
    }

    static CurrentUser of(Jwt jwt) {
        Role role = Role.fromClaim(jwt.getClaimAsString(ROLE_CLAIM)).orElseThrow();
        return new CurrentUser(jwt.getSubject(), role == Role.CLIENT ? CLIENT_CONTACT_NAME
                : jwt.getClaimAsString(NAME_CLAIM), jwt.getClaimAsString(ORGANIZATION_CLAIM), role);
    }
}
