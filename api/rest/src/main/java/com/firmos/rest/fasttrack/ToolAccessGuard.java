package com.firmos.rest.fasttrack;

import java.time.Clock;
import java.util.Locale;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.fasttrack.FindToolAccessQuery;
import com.firmos.api.messages.fasttrack.ToolAccessLevel;
import com.firmos.api.messages.fasttrack.ToolAccessList;
import com.firmos.rest.problem.ApiProblem;
import com.firmos.rest.security.CurrentUser;
import com.firmos.rest.security.Role;

/** Admins use every tool; anyone else needs an unexpired permission of at least the level the request asks. */
@Component
class ToolAccessGuard {

    private final QueryGateway queries;
    private final Clock clock = Clock.systemUTC();

    ToolAccessGuard(QueryGateway queries) {
        this.queries = queries;
    }

    void require(CurrentUser user, String toolSlug, ToolAccessLevel needed) {
        if (user.role() == Role.ADMIN) {
            return;
        }
        boolean allowed = queries.query(new FindToolAccessQuery(user.organizationId(), user.userId()),
                        ResponseTypes.instanceOf(ToolAccessList.class)).join().permissions().stream()
                .filter(permission -> permission.toolSlug().equals(toolSlug))
                .anyMatch(permission -> permission.level().compareTo(needed) >= 0
                        && (permission.expiresAt() == null || permission.expiresAt().isAfter(clock.instant())));
        if (!allowed) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "no-tool-access", "toolSlug", "you need "
                    + needed.name().toLowerCase(Locale.ROOT) + " access to " + toolSlug
                    + ", granted and not expired");
        }
    }
}
