package com.firmos.command.activity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.activity.ActivityCommentAdoptedEvent;
import com.firmos.api.messages.activity.ActivityCommentDeletedEvent;
import com.firmos.api.messages.activity.ActivityCommentEditedEvent;
import com.firmos.api.messages.activity.ActivityCommentedEvent;
import com.firmos.api.messages.activity.CommentOnActivityCommand;
import com.firmos.api.messages.activity.DeleteActivityCommentCommand;
import com.firmos.api.messages.activity.EditActivityCommentCommand;
import com.firmos.command.ClientWriteAccess;
import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;

/**
 * One comment on an activity, apart from it: an activity takes any number of comments, and they would all load
 * with it. Keyed by tenant, activity and the client's comment id ({@link CommentOnActivityCommand#commentKeyOf}).
 * Only its author edits or deletes it, and only while the activity takes changes.
 */
@Aggregate
class Comment {

    static final int TEXT_MAX = 10_000;

    @AggregateIdentifier
    private UUID commentKey;
    private UUID commentId;
    private UUID activityId;
    private String organizationId;
    private UUID engagementId;
    private String authorId;
    private String text;
    private boolean deleted;

    Comment() {
    }

    /** Every change needs write access to the engagement's client; creations check it in their handler. */
    @CommandHandlerInterceptor
    void requireWriteAccess(CommandMessage<?> command, ClientWriteAccess access) {
        if (commentKey != null) {
            access.requireOnEngagement(engagementId, organizationId, command.getMetaData());
        }
    }

    /**
     * A retry with the same author and text changes nothing, other content under a taken id is refused, and a
     * deleted comment's id takes a new comment, as it did while comments lived in their activity.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CommentOnActivityCommand command, ActivityLookup activities, MetaData metaData,
            ClientWriteAccess access) {
        if (commentKey != null) {
            requireOwn(command.organizationId(), command.activityId());
        }
        ActivityFacts activity = activities.require(command.activityId(), command.organizationId());
        if (commentKey == null) {
            access.requireForEngagement(activity.engagementId(), command.organizationId(), metaData);
        }
        activity.requireChangeable();
        FieldRules.required("commentId", command.commentId());
        FieldRules.requiredText("text", command.text(), TEXT_MAX);
        if (commentKey != null && !deleted) {
            if (authorId.equals(command.authorId()) && text.equals(command.text())) {
                return;
            }
            throw new DomainException(RefusalCode.ALREADY_EXISTS, "commentId", "a comment with this id exists");
        }
        apply(new ActivityCommentedEvent(command.activityId(), command.organizationId(), activity.engagementId(),
                command.commentId(), command.authorId(), command.text()));
    }

    @CommandHandler
    void handle(EditActivityCommentCommand command, ActivityLookup activities) {
        requireAuthor(command.organizationId(), command.activityId(), command.authorId(), activities);
        FieldRules.requiredText("text", command.text(), TEXT_MAX);
        if (text.equals(command.text())) {
            return;
        }
        apply(new ActivityCommentEditedEvent(activityId, organizationId, engagementId, commentId, text,
                command.text()));
    }

    @CommandHandler
    void handle(DeleteActivityCommentCommand command, ActivityLookup activities) {
        requireAuthor(command.organizationId(), command.activityId(), command.authorId(), activities);
        apply(new ActivityCommentDeletedEvent(activityId, organizationId, engagementId, commentId));
    }

    /** The key already tells tenant and activity apart; checked again so that no other key ever reaches here. */
    private void requireOwn(String callerOrganizationId, UUID callerActivityId) {
        if (!organizationId.equals(callerOrganizationId) || !activityId.equals(callerActivityId)) {
            throw DomainException.notFound("comment");
        }
    }

    private void requireAuthor(String callerOrganizationId, UUID callerActivityId, String callerId,
            ActivityLookup activities) {
        requireOwn(callerOrganizationId, callerActivityId);
        activities.require(activityId, organizationId).requireChangeable();
        if (deleted) {
            throw DomainException.notFound("comment");
        }
        if (!authorId.equals(callerId)) {
            throw new DomainException(RefusalCode.FORBIDDEN, "commentId", "only the author may change a comment");
        }
    }

    @EventSourcingHandler
    void on(ActivityCommentedEvent event) {
        begin(event.organizationId(), event.activityId(), event.engagementId(), event.commentId(),
                event.authorId(), event.text());
    }

    @EventSourcingHandler
    void on(ActivityCommentAdoptedEvent event) {
        begin(event.organizationId(), event.activityId(), event.engagementId(), event.commentId(),
                event.authorId(), event.text());
    }

    @EventSourcingHandler
    void on(ActivityCommentEditedEvent event) {
        text = event.text();
    }

    @EventSourcingHandler
    void on(ActivityCommentDeletedEvent event) {
        deleted = true;
    }

    private void begin(String organization, UUID activity, UUID engagement, UUID comment, String author,
            String content) {
        commentKey = CommentOnActivityCommand.commentKeyOf(organization, activity, comment);
        organizationId = organization;
        activityId = activity;
        engagementId = engagement;
        commentId = comment;
        authorId = author;
        text = content;
        deleted = false;
    }
}
