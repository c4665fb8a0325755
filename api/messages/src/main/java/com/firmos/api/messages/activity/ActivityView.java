package com.firmos.api.messages.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One activity as the board shows it, with its team, winning moves, resources in order and relation counts;
 * {@code orderIndex} is its dense position in its bucket, {@code version} the aggregate version it reflects.
 */
public record ActivityView(
        UUID id,
        String organizationId,
        UUID engagementId,
        String title,
        String description,
        String icon,
        String iconColor,
        ActivityStatus status,
        PlaybookPhase phase,
        TimeBucket timeBucket,
        LocalDate scheduledDate,
        LocalDate dueDate,
        int orderIndex,
        Instant completedAt,
        String completedBy,
        ScoreData scoreData,
        String assignedTeam,
        List<TeamMember> members,
        List<ActivityWinningMove> winningMoves,
        List<ActivityResource> resources,
        int outgoingRelations,
        int incomingRelations,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    /** The same card with another team, for readers who may see less of its members. */
    public ActivityView withMembers(List<TeamMember> shownMembers) {
        return new ActivityView(id, organizationId, engagementId, title, description, icon, iconColor, status, phase,
                timeBucket, scheduledDate, dueDate, orderIndex, completedAt, completedBy, scoreData, assignedTeam,
                shownMembers, winningMoves, resources, outgoingRelations, incomingRelations, version, createdAt,
                updatedAt);
    }
}
