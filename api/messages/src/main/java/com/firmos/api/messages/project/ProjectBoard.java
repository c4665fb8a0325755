package com.firmos.api.messages.project;

import java.util.List;

public record ProjectBoard(
        ProjectView project,
        List<TaskColumn> columns,
        List<PhaseCount> tasksPerPhase,
        int overdueCount) {
}
