package com.firmos.api.messages.project;

import java.util.UUID;

/** A project's tasks by status, with counts per project phase; overdue is judged on the day of the query. */
public record FindProjectBoardQuery(
        String organizationId,
        UUID projectId) {
}
