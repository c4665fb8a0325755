package com.firmos.rest.portal;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.firmos.api.messages.activity.ActivityComment;
import com.firmos.api.messages.activity.ActivityStatus;
import com.firmos.api.messages.activity.ActivityView;
import com.firmos.api.messages.activity.ChangeActivityStatusCommand;
import com.firmos.api.messages.activity.CommentOnActivityCommand;
import com.firmos.api.messages.activity.FindActivityCommentQuery;
import com.firmos.api.messages.activity.FindActivityQuery;
import com.firmos.api.messages.activity.FindPlanningViewQuery;
import com.firmos.api.messages.activity.PlanningBucket;
import com.firmos.api.messages.activity.PlanningView;
import com.firmos.api.messages.activity.PlaybookPhase;
import com.firmos.api.messages.activity.TeamMember;
import com.firmos.api.messages.conversation.ConversationList;
import com.firmos.api.messages.conversation.ConversationView;
import com.firmos.api.messages.conversation.FindConversationQuery;
import com.firmos.api.messages.conversation.FindConversationsQuery;
import com.firmos.api.messages.conversation.FindMessageQuery;
import com.firmos.api.messages.conversation.FindMessagesQuery;
import com.firmos.api.messages.conversation.MessagePage;
import com.firmos.api.messages.conversation.MessageView;
import com.firmos.api.messages.conversation.PostMessageCommand;
import com.firmos.api.messages.engagement.EngagementProject;
import com.firmos.api.messages.engagement.EngagementStatus;
import com.firmos.api.messages.engagement.EngagementView;
import com.firmos.api.messages.engagement.FindEngagementQuery;
import com.firmos.api.messages.portal.PortalSection;
import com.firmos.api.messages.project.FindProjectBoardQuery;
import com.firmos.api.messages.project.ProjectBoard;
import com.firmos.api.messages.revenue.FindInvoiceQuery;
import com.firmos.api.messages.revenue.FindInvoicesQuery;
import com.firmos.api.messages.revenue.InvoiceList;
import com.firmos.api.messages.revenue.InvoiceStatus;
import com.firmos.api.messages.revenue.InvoiceView;
import com.firmos.api.messages.revenue.MarkInvoiceViewedCommand;
import com.firmos.api.messages.timeline.FindPortalTimelineQuery;
import com.firmos.api.messages.timeline.TimelinePage;
import com.firmos.rest.consistency.RequestCommands;
import com.firmos.rest.problem.ApiProblem;
import com.firmos.rest.security.CurrentUser;
import com.firmos.rest.security.Role;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What a portal session reads and writes: always its own engagement, only the sections its link was given, and
 * never what is for staff: internal messages do not exist here, nor invoices that were not sent.
 */
@RestController
@RequestMapping("/api/v1/portal")
@Tag(name = "Client Portal")
class PortalController {

    /** The invoices a client has been sent; drafts and cancelled ones are the firm's business. */
    private static final Set<InvoiceStatus> SENT = Set.of(InvoiceStatus.SENT, InvoiceStatus.VIEWED,
            InvoiceStatus.OVERDUE, InvoiceStatus.PAID);
    private static final int PAGE = 50;

    private final QueryGateway queries;
    private final RequestCommands commands;

    PortalController(QueryGateway queries, RequestCommands commands) {
        this.queries = queries;
        this.commands = commands;
    }

    @Schema(name = "PortalMessageRequest")
    record MessageRequest(String content) {
    }

    @GetMapping("/planning-view")
    @Operation(summary = "The engagement's Living Playbook board (section playbook), without the firm's suggestions")
    PlanningView planningView(PortalUser user) {
        user.require(PortalSection.PLAYBOOK);
        PlanningView board = queries.query(new FindPlanningViewQuery(user.organizationId(), user.engagementId(),
                Set.of(), Set.of(), Set.of(), Set.of()), ResponseTypes.instanceOf(PlanningView.class)).join();
        if (board == null) {
            throw ApiProblem.notFound("engagement");
        }
        return new PlanningView(board.engagementId(), board.buckets().stream()
                .map(bucket -> new PlanningBucket(bucket.timeBucket(), bucket.activities().stream()
                        .filter(activity -> activity.status() != ActivityStatus.SUGGESTION)
                        .map(PortalController::forClient).toList()))
                .toList());
    }

    /** A card as a client sees it: team members' emails are the firm's contact data, not the client's. */
    private static ActivityView forClient(ActivityView card) {
        List<TeamMember> members = card.members().stream()
                .map(member -> new TeamMember(member.userId(), member.nonUserMemberId(), member.name(), null,
                        member.role()))
                .toList();
        return card.withMembers(members);
    }

    /** The engagement at a glance: no budget, orders, proposal or deal, which are the firm's business. */
    record PortalStatus(UUID engagementId, String name, EngagementStatus status, PlaybookPhase phase,
            List<EngagementProject> projects) {
    }

    @GetMapping("/status")
    @Operation(summary = "The engagement's name, status, phase and projects (section status)")
    PortalStatus status(PortalUser user) {
        user.require(PortalSection.STATUS);
        EngagementView engagement = engagement(user);
        return new PortalStatus(engagement.id(), engagement.name(), engagement.status(), engagement.phase(),
                engagement.projects());
    }

    @GetMapping("/timeline")
    @Operation(summary = "The engagement's timeline as the client may see it, newest first (section timeline)")
    TimelinePage timeline(@RequestParam(required = false) String cursor, PortalUser user) {
        user.require(PortalSection.TIMELINE);
        return queries.query(new FindPortalTimelineQuery(user.organizationId(), user.engagementId(), cursor, PAGE),
                ResponseTypes.instanceOf(TimelinePage.class)).join();
    }

    @GetMapping("/projects/{id}/board")
    @Operation(summary = "A project's tasks by status (sections projects or tasks)")
    ProjectBoard board(@PathVariable UUID id, PortalUser user) {
        if (!user.sections().contains(PortalSection.TASKS)) {
            user.require(PortalSection.PROJECTS);
        }
        boolean ours = engagement(user).projects().stream().anyMatch(project -> project.projectId().equals(id));
        if (!ours) {
            throw ApiProblem.notFound("project " + id);
        }
        return queries.query(new FindProjectBoardQuery(user.organizationId(), id),
                ResponseTypes.instanceOf(ProjectBoard.class)).join();
    }

    private EngagementView engagement(PortalUser user) {
        EngagementView engagement = queries.query(new FindEngagementQuery(user.organizationId(),
                user.engagementId()), ResponseTypes.instanceOf(EngagementView.class)).join();
        if (engagement == null) {
            throw ApiProblem.notFound("engagement " + user.engagementId());
        }
        return engagement;
    }

    @Schema(name = "PortalActivityStatusRequest")
    record StatusRequest(ActivityStatus status, String comment) {
    }

    record CommentRequest(String text) {
    }

    @PostMapping("/activities/{id}/status")
    @Operation(summary = "Move an activity of the board to another status, by the activity's own rules")
    ActivityView changeStatus(@PathVariable UUID id, @RequestBody StatusRequest body, PortalUser user,
            HttpServletRequest request) {
        requireActivity(user, id);
        commands.send(new ChangeActivityStatusCommand(id, user.organizationId(), null,
                body == null ? null : body.status(), body == null ? null : body.comment(), contact(user).userId(),
                null), contact(user), request);
        return requireActivity(user, id);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/activities/{id}/comments")
    @Operation(summary = "Comment on an activity of the board; answers the new comment")
    ResponseEntity<ActivityComment> comment(@PathVariable UUID id, @RequestBody CommentRequest body,
            PortalUser user, HttpServletRequest request) {
        requireActivity(user, id);
        UUID commentId = commands.newId(request);
        commands.send(new CommentOnActivityCommand(id, user.organizationId(), commentId, contact(user).userId(),
                body == null ? null : body.text()), contact(user), request);
        return ResponseEntity.created(URI.create("/api/v1/portal/activities/" + id + "/comments/" + commentId))
                .body(comment(id, commentId, user));
    }

    @GetMapping("/activities/{id}/comments/{commentId}")
    @Operation(summary = "One comment on an activity of the board")
    ActivityComment comment(@PathVariable UUID id, @PathVariable UUID commentId, PortalUser user) {
        requireActivity(user, id);
        return queries.query(new FindActivityCommentQuery(user.organizationId(), id, commentId),
                        ResponseTypes.optionalInstanceOf(ActivityComment.class)).join()
                .orElseThrow(() -> ApiProblem.notFound("comment"));
    }

    private ActivityView requireActivity(PortalUser user, UUID id) {
        user.require(PortalSection.PLAYBOOK);
        ActivityView activity = queries.query(new FindActivityQuery(user.organizationId(), id),
                ResponseTypes.instanceOf(ActivityView.class)).join();
        if (activity == null || !user.engagementId().equals(activity.engagementId())
                || activity.status() == ActivityStatus.SUGGESTION) {
            throw ApiProblem.notFound("activity " + id);
        }
        return forClient(activity);
    }

    @GetMapping("/conversations")
    @Operation(summary = "The engagement's conversations, counting only messages the client may see")
    ConversationList conversations(PortalUser user) {
        user.require(PortalSection.CONVERSATIONS);
        return queries.query(new FindConversationsQuery(user.organizationId(), user.engagementId(), false),
                ResponseTypes.instanceOf(ConversationList.class)).join();
    }

    @GetMapping("/conversations/{id}/messages")
    @Operation(summary = "A conversation's messages, newest first, without internal ones")
    MessagePage messages(@PathVariable UUID id, @RequestParam(required = false) String cursor, PortalUser user) {
        requireConversation(user, id);
        return queries.query(new FindMessagesQuery(user.organizationId(), id, false, cursor, PAGE),
                ResponseTypes.instanceOf(MessagePage.class)).join();
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/conversations/{id}/messages")
    @Operation(summary = "Post a message to a conversation; a client's message is never internal. Answers the new"
            + " message")
    ResponseEntity<MessageView> post(@PathVariable UUID id, @RequestBody MessageRequest body, PortalUser user,
            HttpServletRequest request) {
        requireConversation(user, id);
        UUID messageId = commands.newId(request);
        commands.send(new PostMessageCommand(messageId, user.organizationId(), id, contact(user).userId(),
                body == null ? null : body.content(), List.of(), false), contact(user), request);
        return ResponseEntity.created(URI.create("/api/v1/portal/messages/" + messageId))
                .body(message(messageId, user));
    }

    @GetMapping("/messages/{id}")
    @Operation(summary = "One message of the engagement's conversations; internal ones do not exist here")
    MessageView message(@PathVariable UUID id, PortalUser user) {
        user.require(PortalSection.CONVERSATIONS);
        // Another engagement's message is refused as one that does not exist: the same answer, naming nothing of it.
        return queries.query(new FindMessageQuery(user.organizationId(), id, false),
                        ResponseTypes.optionalInstanceOf(MessageView.class)).join()
                .filter(message -> ours(user, message.conversationId()))
                .orElseThrow(() -> ApiProblem.notFound("message " + id));
    }

    @GetMapping("/invoices")
    @Operation(summary = "The engagement's invoices that were sent to the client (section invoices)")
    InvoiceList invoices(PortalUser user) {
        user.require(PortalSection.INVOICES);
        return queries.query(new FindInvoicesQuery(user.organizationId(), SENT, null, user.engagementId(), null,
                null), ResponseTypes.instanceOf(InvoiceList.class)).join();
    }

    @GetMapping("/invoices/{id}")
    @Operation(summary = "Open one sent invoice; a first opening records it as viewed")
    InvoiceView invoice(@PathVariable UUID id, PortalUser user, HttpServletRequest request) {
        user.require(PortalSection.INVOICES);
        InvoiceView invoice = sentInvoice(user, id);
        if (invoice.status() == InvoiceStatus.SENT) {
            commands.send(new MarkInvoiceViewedCommand(id, user.organizationId()), contact(user), request);
            invoice = sentInvoice(user, id);
        }
        return invoice;
    }

    private InvoiceView sentInvoice(PortalUser user, UUID id) {
        InvoiceView invoice = queries.query(new FindInvoiceQuery(user.organizationId(), id),
                ResponseTypes.instanceOf(InvoiceView.class)).join();
        if (invoice == null || !user.engagementId().equals(invoice.engagementId())
                || !SENT.contains(invoice.status())) {
            throw ApiProblem.notFound("invoice " + id);
        }
        return invoice;
    }

    private void requireConversation(PortalUser user, UUID id) {
        user.require(PortalSection.CONVERSATIONS);
        if (!ours(user, id)) {
            throw ApiProblem.notFound("conversation " + id);
        }
    }

    /** Whether the conversation is one of the session's engagement: one row read, not the engagement's list. */
    private boolean ours(PortalUser user, UUID conversationId) {
        return queries.query(new FindConversationQuery(user.organizationId(), conversationId, false),
                        ResponseTypes.optionalInstanceOf(ConversationView.class)).join()
                .filter(conversation -> user.engagementId().equals(conversation.engagementId())).isPresent();
    }

    /** The contact as the author of what they write: events name them like any other actor. */
    private static CurrentUser contact(PortalUser user) {
        return new CurrentUser("portal:" + user.accessId(), PortalUser.ACTOR_NAME, user.organizationId(),
                Role.CLIENT);
    }
}
