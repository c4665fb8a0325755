package com.firmos.rest.timeline;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.firmos.api.messages.timeline.FindTimelineQuery;
import com.firmos.api.messages.timeline.TimelinePage;
import com.firmos.query.timeline.TimelineProjector;
import com.firmos.rest.problem.ApiProblem;
import com.firmos.rest.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The tenant's timeline: every stored event, newest first, filtered and paged by cursor. */
@RestController
@RequestMapping("/api/v1/timeline")
@Tag(name = "Timeline")
class TimelineController {

    private static final int DEFAULT_PAGE_SIZE = 50;

    private final QueryGateway queries;

    TimelineController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Timeline entries newest first; pass nextCursor as cursor for the next page")
    TimelinePage timeline(
            @RequestParam(required = false) UUID engagementId,
            @RequestParam(required = false) String entityType,
            @RequestParam(required = false) String entityId,
            @RequestParam(required = false) String eventType,
            @RequestParam(required = false) String actorId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int limit,
            CurrentUser user) {
        if (limit < 1 || limit > TimelineProjector.MAX_PAGE_SIZE) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-value", "limit",
                    "limit must be between 1 and " + TimelineProjector.MAX_PAGE_SIZE);
        }
        return queries.query(new FindTimelineQuery(user.organizationId(), engagementId, entityType, entityId,
                eventType, actorId, from, to, cursor, limit), ResponseTypes.instanceOf(TimelinePage.class)).join();
    }
}
