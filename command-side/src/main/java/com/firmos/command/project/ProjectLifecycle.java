package com.firmos.command.project;

import java.util.EnumSet;
import java.util.Set;

import com.firmos.api.messages.project.ProjectPhase;
import com.firmos.api.messages.project.ProjectStatus;

/** Project status moves, and the phase rule: forward one phase at a time, back to any earlier one. */
final class ProjectLifecycle {

    private ProjectLifecycle() {
    }

    static Set<ProjectStatus> allowedTargets(ProjectStatus from) {
        return switch (from) {
            case ACTIVE -> EnumSet.of(ProjectStatus.PAUSED, ProjectStatus.COMPLETED, ProjectStatus.CANCELLED);
            case PAUSED -> EnumSet.of(ProjectStatus.ACTIVE, ProjectStatus.COMPLETED, ProjectStatus.CANCELLED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(ProjectStatus.class);
        };
    }

    static boolean finished(ProjectStatus status) {
        return status == ProjectStatus.COMPLETED || status == ProjectStatus.CANCELLED;
    }

    static boolean canMovePhase(ProjectPhase from, ProjectPhase to) {
        return to.ordinal() == from.ordinal() + 1 || to.ordinal() < from.ordinal();
    }
}
