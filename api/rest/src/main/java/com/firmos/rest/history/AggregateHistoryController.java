package com.firmos.rest.history;

import java.time.Instant;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.firmos.api.messages.history.AggregateState;
import com.firmos.api.messages.history.FindAggregateStateQuery;
import com.firmos.rest.problem.ApiProblem;
import com.firmos.rest.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Time travel for admins: any aggregate of the tenant as it stood after a version or at a moment. */
@RestController
@RequestMapping("/api/v1/admin/aggregates")
@Tag(name = "Operations")
class AggregateHistoryController {

    private final QueryGateway queries;
    private final HistoryReads history;

    AggregateHistoryController(QueryGateway queries, HistoryReads history) {
        this.queries = queries;
        this.history = history;
    }

    @GetMapping("/{id}")
    @Operation(summary = "An aggregate's state rebuilt from its events alone, up to a version and/or a moment")
    AggregateState state(@PathVariable String id,
            @RequestParam(required = false) @Parameter(description = "the last event to apply (0 = created)")
            Long version,
            @RequestParam(required = false) @Parameter(description = "apply only events up to this moment")
            Instant at, CurrentUser user) {
        user.requireAdmin(null, "only admins read aggregates' history");
        if (version != null && version < 0) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-value", "version", "version must be 0 or more");
        }
        Instant moment = AsOf.past(at);
        AggregateState state = history.replay(user, null, () -> queries.query(new FindAggregateStateQuery(
                user.organizationId(), id, version, moment), ResponseTypes.instanceOf(AggregateState.class)).join());
        if (state == null) {
            throw ApiProblem.notFound("aggregate " + id + (version != null || at != null ? " at that point" : ""));
        }
        return state;
    }
}
