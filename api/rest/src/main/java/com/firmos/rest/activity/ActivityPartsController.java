package com.firmos.rest.activity;

import java.net.URI;
import java.util.UUID;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.firmos.api.messages.activity.ActivityComment;
import com.firmos.api.messages.activity.ActivityComments;
import com.firmos.api.messages.activity.ActivityResource;
import com.firmos.api.messages.activity.ActivityView;
import com.firmos.api.messages.activity.AddActivityResourceCommand;
import com.firmos.api.messages.activity.AddActivityTeamMemberCommand;
import com.firmos.api.messages.activity.AssignActivityTeamCommand;
import com.firmos.api.messages.activity.CommentOnActivityCommand;
import com.firmos.api.messages.activity.CompleteWinningMoveContributionCommand;
import com.firmos.api.messages.activity.DeleteActivityCommentCommand;
import com.firmos.api.messages.activity.EditActivityCommentCommand;
import com.firmos.api.messages.activity.FindActivityCommentQuery;
import com.firmos.api.messages.activity.FindActivityCommentsQuery;
import com.firmos.api.messages.activity.LinkActivityToWinningMoveCommand;
import com.firmos.api.messages.activity.RemoveActivityResourceCommand;
import com.firmos.api.messages.activity.RemoveActivityTeamMemberCommand;
import com.firmos.api.messages.activity.ReorderActivityResourcesCommand;
import com.firmos.api.messages.activity.TeamMember;
import com.firmos.api.messages.activity.UnlinkActivityFromWinningMoveCommand;
import com.firmos.rest.consistency.RequestCommands;
import com.firmos.rest.privacy.PersonalData;
import com.firmos.rest.privacy.PersonalFields;
import com.firmos.rest.problem.ApiProblem;
import com.firmos.rest.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The parts of an activity card: resources, team, comments and winning-move links. A create answers the part it
 * made, at a Location that reads it; the other writes answer the card as it is after them.
 */
@RestController
@RequestMapping("/api/v1/activities/{id}")
@Tag(name = "Living Playbook")
class ActivityPartsController {

    private static final int NAME_MAX = 200;

    private final RequestCommands commands;
    private final QueryGateway queries;
    private final ActivityReads reads;
    private final PersonalData personalData;

    ActivityPartsController(RequestCommands commands, QueryGateway queries, ActivityReads reads,
            PersonalData personalData) {
        this.commands = commands;
        this.queries = queries;
        this.reads = reads;
        this.personalData = personalData;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/resources")
    @Operation(summary = "Attach a resource: url and file need a web URL, notion a page id, tenant_page and"
            + " tenant_file an id")
    ResponseEntity<ActivityResource> addResource(@PathVariable UUID id,
            @RequestBody ActivityPartRequests.AddResource body, CurrentUser user, HttpServletRequest request) {
        RequestCommands.chosen(body.resourceId(), "resourceId");
        ActivityResource resource = body.resource(commands.newId(request));
        commands.send(new AddActivityResourceCommand(id, user.organizationId(), resource), user, request);
        return ResponseEntity.created(URI.create("/api/v1/activities/" + id + "/resources/" + resource.resourceId()))
                .body(resource(id, resource.resourceId(), user));
    }

    @GetMapping("/resources/{resourceId}")
    @Operation(summary = "One resource of the activity")
    ActivityResource resource(@PathVariable UUID id, @PathVariable UUID resourceId, CurrentUser user) {
        return reads.find(user, id).resources().stream()
                .filter(resource -> resource.resourceId().equals(resourceId)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("resource"));
    }

    @DeleteMapping("/resources/{resourceId}")
    @Operation(summary = "Remove a resource from the activity")
    ResponseEntity<ActivityView> removeResource(@PathVariable UUID id, @PathVariable UUID resourceId,
            CurrentUser user, HttpServletRequest request) {
        commands.send(new RemoveActivityResourceCommand(id, user.organizationId(), resourceId), user, request);
        return reads.current(user, id);
    }

    @PutMapping("/resources/order")
    @Operation(summary = "Put the resources in this order; name each exactly once")
    ResponseEntity<ActivityView> reorderResources(@PathVariable UUID id,
            @RequestBody ActivityPartRequests.ReorderResources body, CurrentUser user, HttpServletRequest request) {
        commands.send(new ReorderActivityResourcesCommand(id, user.organizationId(), body.resourceIds()), user,
                request);
        return reads.current(user, id);
    }

    @PutMapping("/team")
    @Operation(summary = "Assign the team by name; an empty name unassigns")
    ResponseEntity<ActivityView> assignTeam(@PathVariable UUID id, @RequestBody ActivityPartRequests.AssignTeam body,
            CurrentUser user, HttpServletRequest request) {
        commands.send(new AssignActivityTeamCommand(id, user.organizationId(), body.team()), user, request);
        return reads.current(user, id);
    }

    @PostMapping("/members")
    @Operation(summary = "Add a team member: a userId, or a person without an account (name, email, role)")
    ResponseEntity<ActivityView> addMember(@PathVariable UUID id, @RequestBody ActivityPartRequests.AddMember body,
            CurrentUser user, HttpServletRequest request) {
        commands.send(new AddActivityTeamMemberCommand(id, user.organizationId(), member(user, body, request)), user,
                request);
        return reads.current(user, id);
    }

    @DeleteMapping("/members/users/{userId}")
    @Operation(summary = "Take a user off the activity's team")
    ResponseEntity<ActivityView> removeUserMember(@PathVariable UUID id, @PathVariable String userId,
            CurrentUser user, HttpServletRequest request) {
        commands.send(new RemoveActivityTeamMemberCommand(id, user.organizationId(), userId, null), user, request);
        return reads.current(user, id);
    }

    @DeleteMapping("/members/guests/{memberId}")
    @Operation(summary = "Take a team member without an account off the activity")
    ResponseEntity<ActivityView> removeGuestMember(@PathVariable UUID id, @PathVariable UUID memberId,
            CurrentUser user, HttpServletRequest request) {
        commands.send(new RemoveActivityTeamMemberCommand(id, user.organizationId(), null, memberId), user, request);
        return reads.current(user, id);
    }

    @GetMapping("/comments")
    @Operation(summary = "The activity's comments, oldest first")
    ActivityComments comments(@PathVariable UUID id, CurrentUser user) {
        reads.find(user, id);
        return queries.query(new FindActivityCommentsQuery(user.organizationId(), id),
                ResponseTypes.instanceOf(ActivityComments.class)).join();
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/comments")
    @Operation(summary = "Comment on an activity; answers the new comment")
    ResponseEntity<ActivityComment> comment(@PathVariable UUID id, @RequestBody ActivityPartRequests.Comment body,
            CurrentUser user, HttpServletRequest request) {
        UUID commentId = commands.idFor(body.commentId(), "commentId", request);
        commands.send(new CommentOnActivityCommand(id, user.organizationId(), commentId, user.userId(), body.text()),
                user, request);
        return ResponseEntity.created(URI.create("/api/v1/activities/" + id + "/comments/" + commentId))
                .body(comment(id, commentId, user));
    }

    @GetMapping("/comments/{commentId}")
    @Operation(summary = "One comment of the activity")
    ActivityComment comment(@PathVariable UUID id, @PathVariable UUID commentId, CurrentUser user) {
        reads.find(user, id);
        return queries.query(new FindActivityCommentQuery(user.organizationId(), id, commentId),
                        ResponseTypes.optionalInstanceOf(ActivityComment.class)).join()
                .orElseThrow(() -> ApiProblem.notFound("comment"));
    }

    @PutMapping("/comments/{commentId}")
    @Operation(summary = "Change a comment's text; only its author may")
    ActivityComments editComment(@PathVariable UUID id, @PathVariable UUID commentId,
            @RequestBody ActivityPartRequests.Comment body, CurrentUser user, HttpServletRequest request) {
        commands.send(new EditActivityCommentCommand(id, user.organizationId(), commentId, user.userId(), body.text()),
                user, request);
        return comments(id, user);
    }

    @DeleteMapping("/comments/{commentId}")
    @Operation(summary = "Delete a comment; only its author may")
    ActivityComments deleteComment(@PathVariable UUID id, @PathVariable UUID commentId, CurrentUser user,
            HttpServletRequest request) {
        commands.send(new DeleteActivityCommentCommand(id, user.organizationId(), commentId, user.userId()), user,
                request);
        return comments(id, user);
    }

    @PostMapping("/winning-moves")
    @Operation(summary = "Link the activity to a winning move of its engagement; archived moves take no links")
    ResponseEntity<ActivityView> linkWinningMove(@PathVariable UUID id,
            @RequestBody ActivityPartRequests.LinkWinningMove body, CurrentUser user, HttpServletRequest request) {
        commands.send(new LinkActivityToWinningMoveCommand(id, user.organizationId(), body.winningMoveId()), user,
                request);
        return reads.current(user, id);
    }

    @PostMapping("/winning-moves/{winningMoveId}/completion")
    @Operation(summary = "Mark the activity's contribution to a linked winning move completed")
    ResponseEntity<ActivityView> completeContribution(@PathVariable UUID id, @PathVariable UUID winningMoveId,
            CurrentUser user, HttpServletRequest request) {
        commands.send(new CompleteWinningMoveContributionCommand(id, user.organizationId(), winningMoveId), user,
                request);
        return reads.current(user, id);
    }

    @DeleteMapping("/winning-moves/{winningMoveId}")
    @Operation(summary = "Unlink a winning move from the activity")
    ResponseEntity<ActivityView> unlinkWinningMove(@PathVariable UUID id, @PathVariable UUID winningMoveId,
            CurrentUser user, HttpServletRequest request) {
        commands.send(new UnlinkActivityFromWinningMoveCommand(id, user.organizationId(), winningMoveId), user,
                request);
        return reads.current(user, id);
    }

    /** A guest's name and email are checked here, while they are still readable, then sealed under their id. */
    private TeamMember member(CurrentUser user, ActivityPartRequests.AddMember body, HttpServletRequest request) {
        if (body.userId() != null) {
            PersonalFields.absent("name", body.name(), "for a user member; it comes from the user's account");
            PersonalFields.absent("email", body.email(), "for a user member; it comes from the user's account");
            return new TeamMember(body.userId(), body.nonUserMemberId(), null, null, body.role());
        }
        String name = PersonalFields.required("name", body.name(), NAME_MAX);
        String email = PersonalFields.email("email", body.email());
        UUID chosen = RequestCommands.chosen(body.nonUserMemberId(), "nonUserMemberId");
        UUID guest = chosen != null ? chosen
                : email != null ? personalData.pseudonym(user.organizationId(), "team-member", email)
                : commands.newId(request);
        String org = user.organizationId();
        // One guest is one id on every team; a stakeholder's or vendor's id would share their key.
        if (personalData.claim(org, guest, PersonalData.PersonKind.GUEST, null) == PersonalData.Claim.OTHER_KIND) {
            throw PersonalData.otherPerson("nonUserMemberId");
        }
        return new TeamMember(null, guest, personalData.seal(org, guest, name), personalData.seal(org, guest, email),
                body.role());
    }
}
