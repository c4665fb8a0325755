package com.firmos.rest.timeline;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.firmos.api.messages.timeline.FindTimelineQuery;
import com.firmos.api.messages.timeline.TimelinePage;
import com.firmos.query.timeline.TimelineProjector;
import com.firmos.rest.problem.ApiProblem;
import com.firmos.rest.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The timeline projection, read three ways (same data, different filters): the tenant's audit
 * timeline, an engagement's Stream (everything that happened in it) and its Timeline (how its plan changed).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Timeline")
class TimelineController {

    /** The events that change the plan itself; the Stream adds conversation and housekeeping around them. */
    static final Set<String> PLAN_EVENT_TYPES = Set.of("created", "status_change", "moved", "dismissed",
            "details_edited", "assignment_changed", "winning_move_linked", "winning_move_contribution_completed",
            "winning_move_unlinked", "winning_move_created", "winning_move_status_changed");
    private static final int DEFAULT_PAGE_SIZE = 50;

    private final QueryGateway queries;

    TimelineController(QueryGateway queries) {
        this.queries = queries;
    }

    /** The filters all three views take. */
    record Filters(String entityType, String entityId, Set<String> eventType, String actorId,
            @Parameter(description = MOMENT, schema = @Schema(type = "string", example = "2026-01-31T09:00:00Z"))
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @Parameter(description = MOMENT, schema = @Schema(type = "string", example = "2026-02-28T18:00:00Z"))
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to, String cursor, Integer limit) {

        /** What TimelineFiltersResolver reads: either form. */
        static final String MOMENT = "An ISO date-time with its offset, or milliseconds since 1970";
    }

    @GetMapping("/timeline")
    @Operation(summary = "Every event of the tenant, newest first; pass nextCursor as cursor for the next page."
            + " Repeat eventType to allow several.")
    TimelinePage timeline(@RequestParam(required = false) UUID engagementId, @ParameterObject Filters filters,
            CurrentUser user) {
        return page(user, engagementId, filters, filters.eventType());
    }

    @GetMapping("/engagements/{engagementId}/stream")
    @Operation(summary = "The engagement's Stream: everything that happened in it, newest first")
    TimelinePage stream(@PathVariable UUID engagementId, @ParameterObject Filters filters, CurrentUser user) {
        return page(user, engagementId, filters, filters.eventType());
    }

    @GetMapping("/engagements/{engagementId}/timeline")
    @Operation(summary = "The engagement's Timeline: how its plan changed, newest first")
    TimelinePage engagementTimeline(@PathVariable UUID engagementId, @ParameterObject Filters filters,
            CurrentUser user) {
        Set<String> types = filters.eventType() == null || filters.eventType().isEmpty()
                ? PLAN_EVENT_TYPES
                : filters.eventType();
        return page(user, engagementId, filters, types);
    }

    private TimelinePage page(CurrentUser user, UUID engagementId, Filters filters, Set<String> eventTypes) {
        int limit = filters.limit() == null ? DEFAULT_PAGE_SIZE : filters.limit();
        if (limit < 1 || limit > TimelineProjector.MAX_PAGE_SIZE) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-value", "limit",
                    "limit must be between 1 and " + TimelineProjector.MAX_PAGE_SIZE);
        }
        return queries.query(new FindTimelineQuery(user.organizationId(), engagementId, filters.entityType(),
                filters.entityId(), eventTypes == null ? Set.of() : eventTypes, filters.actorId(), filters.from(),
                filters.to(), filters.cursor(), limit), ResponseTypes.instanceOf(TimelinePage.class)).join();
    }
}
