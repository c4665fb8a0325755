package com.firmos.rest.portal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;

import com.firmos.api.messages.portal.PortalSection;
import com.firmos.rest.problem.ApiProblem;
import com.firmos.rest.security.CurrentUser;

/** Whoever holds a portal session: one contact of one client, scoped to one engagement and its allowed sections. */
public record PortalUser(UUID accessId, String name, String organizationId, UUID engagementId, UUID clientId,
        List<PortalSection> sections, Instant expiresAt) {

    public static final String ACTOR_NAME = CurrentUser.CLIENT_CONTACT_NAME;

    static PortalUser of(Jwt jwt) {
        String client = jwt.getClaimAsString(PortalSessions.CLIENT_CLAIM);
        return new PortalUser(UUID.fromString(jwt.getSubject().substring("portal:".length())),
                jwt.getClaimAsString(CurrentUser.NAME_CLAIM), jwt.getClaimAsString(CurrentUser.ORGANIZATION_CLAIM),
                UUID.fromString(jwt.getClaimAsString(PortalSessions.ENGAGEMENT_CLAIM)),
                client == null ? null : UUID.fromString(client), PortalSessions.sections(jwt), jwt.getExpiresAt());
    }

    /** What any other token gets on the portal: 403, as a role that may not. */
    static ApiProblem sessionRequired() {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", null,
                "the portal is reached with a portal session, from a magic link");
    }

    /** A section this link was not given is refused as if it did not exist for the contact. */
    public void require(PortalSection section) {
        if (!sections.contains(section)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "section-not-shared", null,
                    "this portal link does not include " + section.name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
