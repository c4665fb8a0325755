package com.firmos.rest.portal;

import java.time.Clock;
import java.util.Optional;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.servlet.HandlerInterceptor;

import com.firmos.api.messages.portal.FindPortalAccessQuery;
import com.firmos.api.messages.portal.PortalAccessView;
import com.firmos.rest.problem.ApiProblem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The portal is reached with a portal session only, and a session ends with its access: once staff revoke it, erase
 * its contact, rotate its link or it expires, the next request with a session made from it gets the same 401 as a
 * bad link, not the rest of the session's half hour.
 */
class PortalSessionCheck implements HandlerInterceptor {

    /** The portal's routes that take no session: checking a link, and exchanging it for a session. */
    static final String[] PUBLIC_PATHS = {"/api/v1/portal/links/*", "/api/v1/portal/sessions"};

    private final QueryGateway queries;
    private final String issuer;
    private final Clock clock = Clock.systemUTC();

    PortalSessionCheck(QueryGateway queries, String issuer) {
        this.queries = queries;
        this.issuer = issuer;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication != null && authentication.getPrincipal() instanceof Jwt jwt)) {
            return true;
        }
        // A Workbench token with the client role (an identity provider may issue one) names no access to check.
        if (!issuer.equals(jwt.getClaimAsString("iss"))) {
            throw PortalUser.sessionRequired();
        }
        if (!usable(PortalUser.of(jwt), jwt.getClaimAsString(PortalSessions.LINK_CLAIM))) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized", null,
                    "this portal session is no longer valid; open the link again");
        }
        return true;
    }

    private boolean usable(PortalUser user, String link) {
        Optional<PortalAccessView> access = queries.query(new FindPortalAccessQuery(user.organizationId(),
                user.accessId()), ResponseTypes.optionalInstanceOf(PortalAccessView.class)).join();
        return access.filter(view -> "active".equals(view.status()) && !view.contactErased())
                .filter(view -> view.linkFingerprint().equals(link))
                .filter(view -> view.expiresAt() == null || view.expiresAt().isAfter(clock.instant()))
                .isPresent();
    }
}
