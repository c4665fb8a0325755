package com.firmos.api.messages.activity;

import java.util.UUID;

import com.firmos.api.messages.EngagementScoped;
import com.firmos.api.messages.TenantScoped;

/** An event of an activity, the card on an engagement's board. */
public sealed interface ActivityEvent extends TenantScoped, EngagementScoped
        permits ActivityCreatedEvent, ActivityImportedFromMilestoneEvent, ActivityDetailsEditedEvent,
        ActivityStatusChangedEvent, ActivitySuggestionDismissedEvent, ActivityMovedEvent, ActivityTeamAssignedEvent,
        ActivityTeamMemberAddedEvent, ActivityTeamMemberRemovedEvent, ActivityResourceAddedEvent,
        ActivityResourceRemovedEvent, ActivityResourcesReorderedEvent, ActivityLinkedToWinningMoveEvent,
        ActivityUnlinkedFromWinningMoveEvent, WinningMoveContributionCompletedEvent {

    UUID activityId();
}
