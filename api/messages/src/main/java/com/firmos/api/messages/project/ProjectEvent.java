package com.firmos.api.messages.project;

import java.util.UUID;

import com.firmos.api.messages.EngagementScoped;
import com.firmos.api.messages.TenantScoped;

/** An event of a project of an engagement. */
public sealed interface ProjectEvent extends TenantScoped, EngagementScoped
        permits ProjectCreatedEvent, ProjectEditedEvent, ProjectPhaseChangedEvent, ProjectStatusChangedEvent,
        ProjectDeletedEvent {

    UUID projectId();
}
