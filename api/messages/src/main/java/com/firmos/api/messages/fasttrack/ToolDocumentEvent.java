package com.firmos.api.messages.fasttrack;

import java.util.UUID;

import com.firmos.api.messages.TenantScoped;

/** An event of one user's document of one fast-track tool. */
public sealed interface ToolDocumentEvent extends TenantScoped
        permits ToolDocumentStartedEvent, ToolDocumentSavedEvent, ToolDocumentStatusChangedEvent, HypothesisAddedEvent,
        HypothesisEditedEvent, HypothesisRemovedEvent, TeamAssessmentAddedEvent, TeamAssessmentEditedEvent,
        TeamAssessmentRemovedEvent {

    UUID documentId();

    String userId();

    String toolSlug();
}
