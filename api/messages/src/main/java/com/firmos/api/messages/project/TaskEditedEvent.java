package com.firmos.api.messages.project;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record TaskEditedEvent(
        UUID taskId,
        String organizationId,
        UUID engagementId,
        UUID projectId,
        TaskDetails previous,
        TaskDetails details) implements TaskEvent {
}
