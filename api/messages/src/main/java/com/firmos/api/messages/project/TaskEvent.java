package com.firmos.api.messages.project;

import java.util.UUID;

import com.firmos.api.messages.EngagementScoped;
import com.firmos.api.messages.TenantScoped;

/** An event of a task of a project. */
public sealed interface TaskEvent extends TenantScoped, EngagementScoped
        permits TaskCreatedEvent, TaskEditedEvent, TaskAssignedEvent, TaskStatusChangedEvent {

    UUID taskId();

    UUID projectId();
}
