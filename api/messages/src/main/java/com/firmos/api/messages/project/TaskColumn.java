package com.firmos.api.messages.project;

import java.util.List;

public record TaskColumn(
        TaskStatus status,
        List<TaskView> tasks) {
}
