package com.firmos.rest.security;

import java.util.Locale;
import java.util.UUID;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.ParentExistsQuery;
import com.firmos.api.messages.ParentKind;
import com.firmos.rest.problem.ApiProblem;

/** Whether an engagement or a conversation is the caller's tenant's: a 404 like the parent itself when not. */
@Component
public class Parents {

    private final QueryGateway queries;

    Parents(QueryGateway queries) {
        this.queries = queries;
    }

    /** Refuses with 404 unless the parent exists in the caller's tenant. */
    public void require(ParentKind kind, UUID id) {
        String organization = CurrentUser.current().map(CurrentUser::organizationId).orElse(null);
        boolean exists = organization != null && queries.query(new ParentExistsQuery(organization, kind, id),
                ResponseTypes.instanceOf(Boolean.class)).join();
        if (!exists) {
            throw notFound(kind);
        }
    }

    /** The answer to a read under a parent that is not the caller's tenant's. */
    public static ApiProblem notFound(ParentKind kind) {
        return ApiProblem.notFound(kind.name().toLowerCase(Locale.ROOT));
    }
}
