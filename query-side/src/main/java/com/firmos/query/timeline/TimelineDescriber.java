package com.firmos.query.timeline;

import static com.firmos.query.WireValues.wire;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.firmos.api.messages.activity.ActivityCommentDeletedEvent;
import com.firmos.api.messages.activity.ActivityCommentEditedEvent;
import com.firmos.api.messages.activity.ActivityCommentedEvent;
import com.firmos.api.messages.activity.ActivityCreatedEvent;
import com.firmos.api.messages.activity.ActivityDetails;
import com.firmos.api.messages.activity.ActivityDetailsEditedEvent;
import com.firmos.api.messages.activity.ActivityImportedFromMilestoneEvent;
import com.firmos.api.messages.activity.ActivityLinkedToWinningMoveEvent;
import com.firmos.api.messages.activity.ActivityMovedEvent;
import com.firmos.api.messages.activity.ActivityResourceAddedEvent;
import com.firmos.api.messages.activity.ActivityResourceRemovedEvent;
import com.firmos.api.messages.activity.ActivityStatusChangedEvent;
import com.firmos.api.messages.activity.ActivitySuggestionDismissedEvent;
import com.firmos.api.messages.activity.ActivityTeamAssignedEvent;
import com.firmos.api.messages.activity.ActivityTeamMemberAddedEvent;
import com.firmos.api.messages.activity.ActivityTeamMemberRemovedEvent;
import com.firmos.api.messages.activity.ActivityUnlinkedFromWinningMoveEvent;
import com.firmos.api.messages.activity.TeamMember;
import com.firmos.api.messages.activity.WinningMoveContributionCompletedEvent;
import com.firmos.api.messages.activity.WinningMoveStatusChangedEvent;
import com.firmos.api.messages.engagement.ProposalAcceptedEvent;
import com.firmos.api.messages.relation.RelationAddedEvent;
import com.firmos.api.messages.relation.RelationRemovedEvent;

import tools.jackson.databind.ObjectMapper;

/**
 * Describes events in the vocabulary of the activity log ({@code created}, {@code status_change},
 * {@code comment}, {@code resource_added}, {@code resource_removed}, {@code winning_move_linked},
 * {@code assignment_changed}) with its old and new values. An event without a description of its own
 * still gets an entry: its type from the class name and its payload as the new value, so no event of a later
 * aggregate is ever missing from the timeline. Email addresses enter the timeline as their domain only.
 */
@Component
class TimelineDescriber {

    private final ObjectMapper json;

    TimelineDescriber(ObjectMapper json) {
        this.json = json;
    }

    TimelineDescription describe(Object payload) {
        return switch (payload) {
            case ActivityCreatedEvent e -> activity("created", e.engagementId(), null,
                    withStatus(detailValues(e.details()), wire(e.status())));
            case ActivityImportedFromMilestoneEvent e -> new TimelineDescription("created", e.engagementId(), null,
                    values("status", wire(e.status()), "migrated_from_milestone_id", e.milestoneId().toString()),
                    "imported from milestone " + e.milestoneId(), null, null, false);
            case ActivityDetailsEditedEvent e -> describeEdit(e);
            case ActivityStatusChangedEvent e -> new TimelineDescription("status_change", e.engagementId(),
                    Map.of("status", wire(e.oldStatus())), statusChange(e), e.comment(), null, null, false);
            case ActivitySuggestionDismissedEvent e -> new TimelineDescription("dismissed", e.engagementId(),
                    Map.of("status", "suggestion"), null, e.comment(), null, null, false);
            case ActivityMovedEvent e -> activity("moved", e.engagementId(), Map.of("time_bucket",
                    wire(e.fromBucket())), values("time_bucket", wire(e.toBucket()), "position", e.position()));
            case ActivityCommentedEvent e -> new TimelineDescription("comment", e.engagementId(), null,
                    Map.of("comment_id", e.commentId().toString()), e.text(), null, null, false);
            case ActivityCommentEditedEvent e -> new TimelineDescription("comment_edited", e.engagementId(),
                    Map.of("text", e.oldText()), Map.of("text", e.text()), e.text(), null, null, false);
            case ActivityCommentDeletedEvent e -> activity("comment_deleted", e.engagementId(),
                    Map.of("comment_id", e.commentId().toString()), null);
            case ActivityResourceAddedEvent e -> activity("resource_added", e.engagementId(), null,
                    resource(e.resource().resourceId(), e.resource().title()));
            case ActivityResourceRemovedEvent e -> activity("resource_removed", e.engagementId(),
                    resource(e.resourceId(), e.title()), null);
            case ActivityLinkedToWinningMoveEvent e -> activity("winning_move_linked", e.engagementId(), null,
                    values("winning_move_id", e.winningMoveId().toString(), "title", e.winningMoveTitle()));
            case WinningMoveContributionCompletedEvent e -> activity("winning_move_contribution_completed",
                    e.engagementId(), values("winning_move_id", e.winningMoveId().toString(), "completed", false),
                    values("winning_move_id", e.winningMoveId().toString(), "completed", true));
            case ActivityUnlinkedFromWinningMoveEvent e -> activity("winning_move_unlinked", e.engagementId(),
                    Map.of("winning_move_id", e.winningMoveId().toString()), null);
            case ActivityTeamAssignedEvent e -> activity("assignment_changed", e.engagementId(),
                    values("team", e.oldTeam()), values("team", e.newTeam()));
            case ActivityTeamMemberAddedEvent e -> activity("team_member_added", e.engagementId(), null,
                    member(e.member()));
            case ActivityTeamMemberRemovedEvent e -> activity("team_member_removed", e.engagementId(),
                    member(e.member()), null);
            case WinningMoveStatusChangedEvent e -> activity("winning_move_status_changed", e.engagementId(),
                    Map.of("status", wire(e.oldStatus())), Map.of("status", wire(e.newStatus())));
            case ProposalAcceptedEvent e -> new TimelineDescription("proposal_accepted", e.convertedEngagementId(),
                    Map.of("status", "viewed"), values("status", "accepted", "engagement_id",
                    e.convertedEngagementId().toString(), "order_id", e.orderId().toString()), null, null, null,
                    false);
            case RelationAddedEvent e -> new TimelineDescription("relation_added", null, null, relation(e.source(),
                    e.target(), e.relationType(), e.label()), null, "relation", e.relationId().toString(), false);
            case RelationRemovedEvent e -> new TimelineDescription("relation_removed", null, relation(e.source(),
                    e.target(), e.relationType(), null), null, null, "relation", e.relationId().toString(), false);
            default -> describeGenerically(payload);
        };
    }

    private static TimelineDescription activity(String type, UUID engagement, Map<String, Object> oldValue,
            Map<String, Object> newValue) {
        return new TimelineDescription(type, engagement, oldValue, newValue, null, null, null, false);
    }

    private TimelineDescription describeEdit(ActivityDetailsEditedEvent event) {
        Map<String, Object> before = detailValues(event.previous());
        Map<String, Object> after = detailValues(event.details());
        Map<String, Object> oldValue = new LinkedHashMap<>();
        Map<String, Object> newValue = new LinkedHashMap<>();
        after.forEach((field, value) -> {
            if (!Objects.equals(before.get(field), value)) {
                oldValue.put(field, before.get(field));
                newValue.put(field, value);
            }
        });
        return activity("details_edited", event.engagementId(), oldValue, newValue);
    }

    private Map<String, Object> statusChange(ActivityStatusChangedEvent event) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("status", wire(event.newStatus()));
        if (event.completedBy() != null) {
            value.put("completedBy", event.completedBy());
            value.put("completedAt", event.completedAt().toString());
        }
        if (event.scoreData() != null) {
            value.put("scoreData", toMap(event.scoreData()));
        }
        return value;
    }

    private Map<String, Object> detailValues(ActivityDetails details) {
        Map<String, Object> values = toMap(details);
        values.computeIfPresent("phase", (field, phase) -> phase.toString().toLowerCase(Locale.ROOT));
        values.computeIfPresent("timeBucket", (field, bucket) -> bucket.toString().toLowerCase(Locale.ROOT));
        return values;
    }

    private static Map<String, Object> withStatus(Map<String, Object> values, String status) {
        values.put("status", status);
        return values;
    }

    private static Map<String, Object> resource(UUID resourceId, String title) {
        return values("resource_id", resourceId.toString(), "title", title);
    }

    private static Map<String, Object> member(TeamMember member) {
        return values("user_id", member.userId(),
                "non_user_member_id", member.nonUserMemberId() == null ? null : member.nonUserMemberId().toString(),
                "role", member.role());
    }

    private static Map<String, Object> relation(com.firmos.api.messages.relation.EntityReference source,
            com.firmos.api.messages.relation.EntityReference target,
            com.firmos.api.messages.relation.RelationType type, String label) {
        return values("source", source.type() + ":" + source.id(), "target", target.type() + ":" + target.id(),
                "relation_type", wire(type), "label", label);
    }

    /** An ordered map that keeps nulls, which {@code Map.of} refuses. */
    private static Map<String, Object> values(Object... keysAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return values;
    }

    /**
     * Class name as type, payload as new value; a change of status or phase ({@code oldStatus}/{@code newStatus},
     * {@code oldPhase}/{@code newPhase}) shows as old and new value. An event that names an {@code internal} flag
     * set (a staff-only message) makes a staff-only entry.
     */
    private TimelineDescription describeGenerically(Object payload) {
        Map<String, Object> values = toMap(payload);
        Object engagement = values.get("engagementId");
        String type = snakeCase(payload.getClass().getSimpleName().replaceFirst("Event$", ""));
        boolean internal = Boolean.TRUE.equals(values.get("internal"));
        UUID engagementId = engagement == null ? null : UUID.fromString(engagement.toString());
        for (String field : new String[] {"Status", "Phase"}) {
            if (values.containsKey("old" + field) && values.containsKey("new" + field)) {
                String key = field.toLowerCase(Locale.ROOT);
                return new TimelineDescription(type, engagementId, values(key, values.get("old" + field)),
                        values(key, values.get("new" + field)), (String) values.get("reason"), null, null,
                        internal);
            }
        }
        return new TimelineDescription(type, engagementId, null, values, null, null, null, internal);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> toMap(Object value) {
        return new LinkedHashMap<>(json.convertValue(value, Map.class));
    }

    /** {@code ProjectPhaseAdvanced} becomes {@code project_phase_advanced}. */
    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
