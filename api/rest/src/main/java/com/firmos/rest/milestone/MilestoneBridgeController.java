package com.firmos.rest.milestone;

import java.net.URI;
import java.util.UUID;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.firmos.api.messages.activity.ActivityDetails;
import com.firmos.api.messages.activity.ActivityStatus;
import com.firmos.api.messages.activity.ChangeActivityStatusCommand;
import com.firmos.api.messages.activity.CreateActivityCommand;
import com.firmos.api.messages.activity.FindMilestoneQuery;
import com.firmos.api.messages.activity.FindMilestonesQuery;
import com.firmos.api.messages.activity.MilestoneList;
import com.firmos.api.messages.activity.MilestoneStatus;
import com.firmos.api.messages.activity.MilestoneView;
import com.firmos.api.messages.activity.TimeBucket;
import com.firmos.rest.consistency.RequestCommands;
import com.firmos.rest.problem.ApiProblem;
import com.firmos.rest.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The bridge period of the milestone migration (docs/DOMAIN.md, "Legacy milestones"): the old Workbench keeps
 * calling milestone-shaped endpoints, and each call becomes the activity command it means, so both apps work on
 * the one model. Reads return milestones in the old shape, built from the board.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Milestone bridge")
class MilestoneBridgeController {

    private final RequestCommands commands;
    private final QueryGateway queries;

    MilestoneBridgeController(RequestCommands commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** The old Workbench's create: a title, an optional description and position, and a status (pending). */
    record CreateMilestoneRequest(String title, String description, @JsonProperty("order_index") Integer orderIndex,
            MilestoneStatus status) {
    }

    record MilestoneStatusRequest(MilestoneStatus status) {
    }

    @GetMapping("/engagements/{engagementId}/milestones")
    @Operation(summary = "The engagement's activities as old Workbench milestones, in board order")
    LegacyMilestoneShape.Milestones list(@PathVariable UUID engagementId, CurrentUser user) {
        MilestoneList list = queries.query(new FindMilestonesQuery(user.organizationId(), engagementId),
                ResponseTypes.instanceOf(MilestoneList.class)).join();
        return new LegacyMilestoneShape.Milestones(list.milestones().stream().map(LegacyMilestoneShape::of).toList());
    }

    @GetMapping("/milestones/{id}")
    @Operation(summary = "One milestone by a migrated milestone's id or an activity's id")
    LegacyMilestoneShape get(@PathVariable UUID id, CurrentUser user) {
        return LegacyMilestoneShape.of(find(user, id));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/engagements/{engagementId}/milestones")
    @Operation(summary = "Create a milestone: becomes a planned activity this quarter (then moved to the status"
            + " given, when it is not pending)")
    ResponseEntity<LegacyMilestoneShape> create(@PathVariable UUID engagementId,
            @RequestBody CreateMilestoneRequest body, CurrentUser user, HttpServletRequest request) {
        UUID id = commands.newId(request);
        commands.send(new CreateActivityCommand(id, user.organizationId(), engagementId, new ActivityDetails(
                body.title(), body.description(), null, null, null, TimeBucket.THIS_QUARTER, null, null,
                body.orderIndex()), ActivityStatus.PLANNED), user, request);
        if (body.status() != null && body.status() != MilestoneStatus.PENDING) {
            changeStatus(id, body.status(), user, request);
        }
        return ResponseEntity.created(URI.create("/api/v1/milestones/" + id))
                .body(LegacyMilestoneShape.of(find(user, id)));
    }

    @PutMapping("/milestones/{id}/status")
    @Operation(summary = "Update a milestone's status: the activity moves to the renamed status by its own rules")
    LegacyMilestoneShape updateStatus(@PathVariable UUID id, @RequestBody MilestoneStatusRequest body,
            CurrentUser user, HttpServletRequest request) {
        if (body == null || body.status() == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "required", "status",
                    "status is required: pending, in_progress, completed or skipped");
        }
        MilestoneView milestone = find(user, id);
        changeStatus(milestone.activityId(), body.status(), user, request);
        return LegacyMilestoneShape.of(find(user, id));
    }

    private void changeStatus(UUID activityId, MilestoneStatus status, CurrentUser user,
            HttpServletRequest request) {
        commands.send(new ChangeActivityStatusCommand(activityId, user.organizationId(), null,
                MilestoneStatuses.activity(status), null, user.userId(), null), user, request);
    }

    private MilestoneView find(CurrentUser user, UUID id) {
        MilestoneView milestone = queries.query(new FindMilestoneQuery(user.organizationId(), id),
                ResponseTypes.instanceOf(MilestoneView.class)).join();
        if (milestone == null) {
            throw ApiProblem.notFound("milestone " + id);
        }
        return milestone;
    }
}
