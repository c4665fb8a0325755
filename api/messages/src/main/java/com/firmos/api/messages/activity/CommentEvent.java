package com.firmos.api.messages.activity;

import java.util.UUID;

import com.firmos.api.messages.EngagementScoped;
import com.firmos.api.messages.TenantScoped;

/** An event of a comment on an activity. */
public sealed interface CommentEvent extends TenantScoped, EngagementScoped
        permits ActivityCommentedEvent, ActivityCommentEditedEvent, ActivityCommentDeletedEvent,
        ActivityCommentAdoptedEvent {

    UUID commentId();

    UUID activityId();
}
