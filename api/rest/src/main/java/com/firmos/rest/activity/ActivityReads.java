package com.firmos.rest.activity;

import java.util.UUID;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.activity.ActivityView;
import com.firmos.api.messages.activity.FindActivityQuery;
import com.firmos.rest.consistency.Versions;
import com.firmos.rest.problem.ApiProblem;
import com.firmos.rest.security.CurrentUser;

/** Reads an activity card for the answer to a request, with its version as the ETag. */
@Component
class ActivityReads {

    private final QueryGateway queries;

    ActivityReads(QueryGateway queries) {
        this.queries = queries;
    }

    ActivityView find(CurrentUser user, UUID id) {
        return queries.query(new FindActivityQuery(user.organizationId(), id),
                        ResponseTypes.optionalInstanceOf(ActivityView.class))
                .join()
                .orElseThrow(() -> ApiProblem.notFound("activity"));
    }

    ResponseEntity<ActivityView> current(CurrentUser user, UUID id) {
        ActivityView view = find(user, id);
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }
}
