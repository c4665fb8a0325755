package com.firmos.rest.activity;

import java.util.List;
import java.util.UUID;

import com.firmos.api.messages.activity.ActivityResource;
import com.firmos.api.messages.activity.ResourceType;

/** Bodies of the requests that change an activity's resources, team, comments and winning moves. */
final class ActivityPartRequests {

    private ActivityPartRequests() {
    }

    /** A resource; {@code resourceId} is optional and makes a retried add harmless. */
    record AddResource(UUID resourceId, ResourceType type, String title, String icon, String url,
            String notionPageId, UUID tenantPageId, UUID tenantFileId) {

        /** The resource, under {@code newId} when the client named no id. */
        ActivityResource resource(UUID newId) {
            return new ActivityResource(resourceId == null ? newId : resourceId, type, title, icon, url,
                    notionPageId, tenantPageId, tenantFileId);
        }
    }

    record ReorderResources(List<UUID> resourceIds) {
    }

    record AssignTeam(String team) {
    }

    /**
     * A user ({@code userId}) or a person without an account (name, email, role; without an id, the same email
     * gives the same id, and no email a new one).
     */
    record AddMember(String userId, UUID nonUserMemberId, String name, String email, String role) {
    }

    /** A comment; {@code commentId} is optional and makes a retried post harmless. */
    record Comment(UUID commentId, String text) {
    }

    record LinkWinningMove(UUID winningMoveId) {
    }
}
