package com.firmos.rest.activity;

import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.firmos.api.messages.ParentKind;
import com.firmos.api.messages.activity.ActivityStatus;
import com.firmos.api.messages.activity.ActivityView;
import com.firmos.api.messages.activity.ChangeActivityStatusCommand;
import com.firmos.api.messages.activity.CreateActivityCommand;
import com.firmos.api.messages.activity.DismissActivitySuggestionCommand;
import com.firmos.api.messages.activity.EditActivityDetailsCommand;
import com.firmos.api.messages.activity.FindPlanningViewAsOfQuery;
import com.firmos.api.messages.activity.FindPlanningViewQuery;
import com.firmos.api.messages.activity.MoveActivityCommand;
import com.firmos.api.messages.activity.PlanningView;
import com.firmos.api.messages.activity.PlaybookPhase;
import com.firmos.api.messages.activity.TimeBucket;
import com.firmos.rest.consistency.IfMatch;
import com.firmos.rest.consistency.RequestCommands;
import com.firmos.rest.consistency.Versions;
import com.firmos.rest.history.AsOf;
import com.firmos.rest.history.HistoryReads;
import com.firmos.rest.idempotency.IdempotentCreate;
import com.firmos.rest.security.ChecksItsParent;
import com.firmos.rest.security.CurrentUser;
import com.firmos.rest.security.Parents;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** Workbench endpoints of the Living Playbook: activities and the planning board. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Living Playbook")
class ActivityController {

    private final RequestCommands commands;
    private final ActivityReads reads;
    private final HistoryReads history;
    private final Parents parents;

    ActivityController(RequestCommands commands, ActivityReads reads, HistoryReads history, Parents parents) {
        this.commands = commands;
        this.reads = reads;
        this.history = history;
        this.parents = parents;
    }

    @IdempotentCreate
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/activities")
    @Operation(summary = "Create an activity; send your own id to make retries safe")
    ResponseEntity<ActivityView> create(@RequestBody CreateActivityRequest body, CurrentUser user,
            HttpServletRequest request) {
        UUID id = commands.idFor(body.id(), "id", request);
        ActivityStatus status = body.status() == null ? ActivityStatus.PLANNED : body.status();
        commands.send(new CreateActivityCommand(id, user.organizationId(), body.engagementId(), body.details(), status),
                user, request);
        ActivityView view = reads.find(user, id);
        return ResponseEntity.created(URI.create("/api/v1/activities/" + id))
                .eTag(Versions.etag(view.version()))
                .body(view);
    }

    @GetMapping("/activities/{id}")
    @Operation(summary = "Read one activity; its ETag is the version to send as If-Match")
    ResponseEntity<ActivityView> get(@PathVariable UUID id, CurrentUser user) {
        return reads.current(user, id);
    }

    @PutMapping("/activities/{id}")
    @Operation(summary = "Replace an activity's details")
    ResponseEntity<ActivityView> edit(@PathVariable UUID id, @RequestBody EditActivityRequest body,
            @IfMatch Long expected, CurrentUser user, HttpServletRequest request) {
        TimeBucket currentBucket = reads.find(user, id).timeBucket();
        commands.send(new EditActivityDetailsCommand(id, user.organizationId(), expected, body.details(currentBucket)),
                user, request);
        return reads.current(user, id);
    }

    @PostMapping("/activities/{id}/status")
    @Operation(summary = "Move an activity: accept, start, pause, complete, skip or reopen")
    ResponseEntity<ActivityView> changeStatus(@PathVariable UUID id, @RequestBody ChangeStatusRequest body,
            @IfMatch Long expected, CurrentUser user, HttpServletRequest request) {
        commands.send(new ChangeActivityStatusCommand(id, user.organizationId(), expected, body.status(),
                body.comment(), user.userId(), body.scoreData()), user, request);
        return reads.current(user, id);
    }

    @PostMapping("/activities/{id}/move")
    @Operation(summary = "Move an activity to a time bucket and a position in it (no position: the end)")
    ResponseEntity<ActivityView> move(@PathVariable UUID id, @RequestBody MoveActivityRequest body,
            @IfMatch Long expected, CurrentUser user, HttpServletRequest request) {
        commands.send(new MoveActivityCommand(id, user.organizationId(), expected, body.timeBucket(), body.position()),
                user, request);
        return reads.current(user, id);
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/activities/{id}/dismissal")
    @Operation(summary = "Dismiss a suggestion: it leaves the board and stays in the timeline")
    ResponseEntity<Void> dismiss(@PathVariable UUID id, @RequestBody(required = false) DismissRequest body,
            @IfMatch Long expected, CurrentUser user, HttpServletRequest request) {
        commands.send(new DismissActivitySuggestionCommand(id, user.organizationId(), expected,
                body == null ? null : body.comment()), user, request);
        return ResponseEntity.noContent().build();
    }

    /** Its query finds the engagement with the board, in one statement, and answers none when it is not there. */
    @ChecksItsParent
    @GetMapping("/engagements/{engagementId}/planning-view")
    @Operation(summary = "The engagement's whole board in one call: three time buckets in order, each card with"
            + " its team, winning moves, resources, relation counts and score. Repeat a filter to allow several"
            + " values.")
    PlanningView planningView(@PathVariable UUID engagementId,
            @RequestParam(name = "phase", required = false) Set<PlaybookPhase> phases,
            @RequestParam(name = "status", required = false) Set<ActivityStatus> statuses,
            @RequestParam(name = "team", required = false) Set<String> teams,
            @RequestParam(name = "winningMove", required = false) Set<UUID> winningMoves,
            @RequestParam(required = false) @Parameter(description = AsOf.DESCRIPTION) Instant asOf,
            CurrentUser user) {
        FindPlanningViewQuery view = new FindPlanningViewQuery(user.organizationId(), engagementId, orEmpty(phases),
                orEmpty(statuses), orEmpty(teams), orEmpty(winningMoves));
        if (asOf != null) {
            // The replay reads its own copies of the tables: whether the engagement exists is asked of today's.
            parents.require(ParentKind.ENGAGEMENT, engagementId);
        }
        PlanningView board = history.view(user, asOf, view, moment -> new FindPlanningViewAsOfQuery(view, moment),
                PlanningView.class);
        if (board == null) {
            throw Parents.notFound(ParentKind.ENGAGEMENT);
        }
        return board;
    }

    private static <T> Set<T> orEmpty(Set<T> values) {
        return values == null ? Set.of() : values;
    }
}
