package com.firmos.command.fasttrack;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.fasttrack.AddHypothesisCommand;
import com.firmos.api.messages.fasttrack.AddTeamAssessmentCommand;
import com.firmos.api.messages.fasttrack.ChangeToolDocumentStatusCommand;
import com.firmos.api.messages.fasttrack.EditHypothesisCommand;
import com.firmos.api.messages.fasttrack.EditTeamAssessmentCommand;
import com.firmos.api.messages.fasttrack.HypothesisAddedEvent;
import com.firmos.api.messages.fasttrack.HypothesisEditedEvent;
import com.firmos.api.messages.fasttrack.HypothesisRemovedEvent;
import com.firmos.api.messages.fasttrack.PatchToolDocumentCommand;
import com.firmos.api.messages.fasttrack.RemoveHypothesisCommand;
import com.firmos.api.messages.fasttrack.RemoveTeamAssessmentCommand;
import com.firmos.api.messages.fasttrack.SaveToolDocumentCommand;
import com.firmos.api.messages.fasttrack.StartToolDocumentCommand;
import com.firmos.api.messages.fasttrack.TeamAssessmentAddedEvent;
import com.firmos.api.messages.fasttrack.TeamAssessmentEditedEvent;
import com.firmos.api.messages.fasttrack.TeamAssessmentRemovedEvent;
import com.firmos.api.messages.fasttrack.ToolDocumentSavedEvent;
import com.firmos.api.messages.fasttrack.ToolDocumentStartedEvent;
import com.firmos.api.messages.fasttrack.ToolDocumentStatus;
import com.firmos.api.messages.fasttrack.ToolDocumentStatusChangedEvent;
import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;
import com.firmos.command.Refusals;

/**
 * A user's document of one Fast Track tool. Its own version counts saves, so a front end that saved from an older
 * version is told so instead of overwriting; the data is kept because a merge patch is applied to it.
 */
@Aggregate
class ToolDocument {

    private static final String HYPOTHESES = "hypotheses";
    private static final String TEAM_ASSESSMENTS = "team_assessments";

    @AggregateIdentifier
    private UUID documentId;
    private String organizationId;
    private String userId;
    private String toolSlug;
    private ToolDocumentStatus status;
    private long version;
    private Map<String, Object> data;
    private Set<UUID> hypotheses;
    private Set<UUID> assessments;

    ToolDocument() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(StartToolDocumentCommand command, ToolCatalog catalog) {
        if (documentId != null) {
            if (!isOwnedBy(command.organizationId(), command.userId(), command.toolSlug())) {
                throw new DomainException(RefusalCode.ALREADY_EXISTS, "id", "a tool document with this id exists");
            }
            return;
        }
        FieldRules.requiredText("userId", command.userId(), 100);
        catalog.requireKnown(command.toolSlug());
        apply(new ToolDocumentStartedEvent(command.documentId(), command.organizationId(), command.userId(),
                command.toolSlug()));
    }

    @CommandHandler
    void handle(SaveToolDocumentCommand command, ToolCatalog catalog, ToolDocumentLookup documents) {
        requireEditable(command.organizationId(), command.userId(), command.expectedVersion());
        save(command.data(), catalog, documents);
    }

    @CommandHandler
    void handle(PatchToolDocumentCommand command, ToolCatalog catalog, ToolDocumentLookup documents) {
        requireEditable(command.organizationId(), command.userId(), command.expectedVersion());
        FieldRules.required("patch", command.patch());
        save(MergePatch.apply(data, command.patch()), catalog, documents);
    }

    @CommandHandler
    void handle(ChangeToolDocumentStatusCommand command) {
        requireOwner(command.organizationId(), command.userId());
        FieldRules.required("status", command.status());
        ToolDocumentLifecycle.requireMove(status, command.status());
        apply(new ToolDocumentStatusChangedEvent(documentId, organizationId, userId, toolSlug, status,
                command.status()));
    }

    @CommandHandler
    void handle(AddHypothesisCommand command, ToolCatalog catalog) {
        requireChildChange(command.organizationId(), command.userId(), catalog, HYPOTHESES);
        FieldRules.required("hypothesisId", command.hypothesisId());
        if (hypotheses.contains(command.hypothesisId())) {
            throw new DomainException(RefusalCode.ALREADY_EXISTS, "hypothesisId", "the hypothesis exists");
        }
        ToolChildPolicy.check(command.details());
        apply(new HypothesisAddedEvent(documentId, organizationId, userId, toolSlug, command.hypothesisId(),
                command.details()));
    }

    @CommandHandler
    void handle(EditHypothesisCommand command, ToolCatalog catalog) {
        requireChildChange(command.organizationId(), command.userId(), catalog, HYPOTHESES);
        requireChild(hypotheses, command.hypothesisId(), "hypothesis");
        ToolChildPolicy.check(command.details());
        apply(new HypothesisEditedEvent(documentId, organizationId, userId, toolSlug, command.hypothesisId(),
                command.details()));
    }

    @CommandHandler
    void handle(RemoveHypothesisCommand command, ToolCatalog catalog) {
        requireChildChange(command.organizationId(), command.userId(), catalog, HYPOTHESES);
        requireChild(hypotheses, command.hypothesisId(), "hypothesis");
        apply(new HypothesisRemovedEvent(documentId, organizationId, userId, toolSlug, command.hypothesisId()));
    }

    @CommandHandler
    void handle(AddTeamAssessmentCommand command, ToolCatalog catalog) {
        requireChildChange(command.organizationId(), command.userId(), catalog, TEAM_ASSESSMENTS);
        FieldRules.required("assessmentId", command.assessmentId());
        if (assessments.contains(command.assessmentId())) {
            throw new DomainException(RefusalCode.ALREADY_EXISTS, "assessmentId", "the assessment exists");
        }
        ToolChildPolicy.check(command.details());
        apply(new TeamAssessmentAddedEvent(documentId, organizationId, userId, toolSlug, command.assessmentId(),
                command.details()));
    }

    @CommandHandler
    void handle(EditTeamAssessmentCommand command, ToolCatalog catalog) {
        requireChildChange(command.organizationId(), command.userId(), catalog, TEAM_ASSESSMENTS);
        requireChild(assessments, command.assessmentId(), "team assessment");
        ToolChildPolicy.check(command.details());
        apply(new TeamAssessmentEditedEvent(documentId, organizationId, userId, toolSlug, command.assessmentId(),
                command.details()));
    }

    @CommandHandler
    void handle(RemoveTeamAssessmentCommand command, ToolCatalog catalog) {
        requireChildChange(command.organizationId(), command.userId(), catalog, TEAM_ASSESSMENTS);
        requireChild(assessments, command.assessmentId(), "team assessment");
        apply(new TeamAssessmentRemovedEvent(documentId, organizationId, userId, toolSlug,
                command.assessmentId()));
    }

    boolean isOwnedBy(String callerOrganizationId, String callerUserId, String slug) {
        return organizationId.equals(callerOrganizationId) && userId.equals(callerUserId) && toolSlug.equals(slug);
    }

    private void save(Map<String, Object> next, ToolCatalog catalog, ToolDocumentLookup documents) {
        catalog.validate(toolSlug, next);
        catalog.references(toolSlug).forEach((member, tool) -> {
            Object referenced = next.get(member);
            if (referenced != null && !referenced.equals(data.get(member))) {
                documents.requireOwn("data." + member, UUID.fromString(referenced.toString()), organizationId,
                        userId, tool);
            }
        });
        if (!next.equals(data)) {
            apply(new ToolDocumentSavedEvent(documentId, organizationId, userId, toolSlug, version + 1,
                    Collections.unmodifiableMap(new LinkedHashMap<>(next))));
        }
    }

    private void requireEditable(String callerOrganizationId, String callerUserId, long expectedVersion) {
        requireOwner(callerOrganizationId, callerUserId);
        if (status == ToolDocumentStatus.SUBMITTED) {
            throw Refusals.state("status", "a submitted document is frozen");
        }
        if (!ToolDocumentLifecycle.editable(status)) {
            throw Refusals.state("status", "a completed document is reopened before it changes");
        }
        if (expectedVersion != version) {
            throw new DomainException(RefusalCode.CONFLICT, "version", "the document is at version " + version
                    + ", not " + expectedVersion + "; reload it and save again");
        }
    }

    private void requireChildChange(String callerOrganizationId, String callerUserId, ToolCatalog catalog,
            String table) {
        requireOwner(callerOrganizationId, callerUserId);
        if (!catalog.hasChildTable(toolSlug, table)) {
            throw DomainException.invalid("toolSlug", toolSlug + " keeps no " + table);
        }
        if (!ToolDocumentLifecycle.editable(status)) {
            throw Refusals.state("status", "only a draft or in-progress document changes");
        }
    }

    private static void requireChild(Set<UUID> children, UUID childId, String what) {
        if (childId == null || !children.contains(childId)) {
            throw DomainException.notFound(what);
        }
    }

    private void requireOwner(String callerOrganizationId, String callerUserId) {
        if (!organizationId.equals(callerOrganizationId) || !userId.equals(callerUserId)) {
            throw DomainException.notFound("tool document");
        }
    }

    @EventSourcingHandler
    void on(ToolDocumentStartedEvent event) {
        documentId = event.documentId();
        organizationId = event.organizationId();
        userId = event.userId();
        toolSlug = event.toolSlug();
        status = ToolDocumentStatus.DRAFT;
        version = 0;
        data = Map.of();
        hypotheses = new HashSet<>();
        assessments = new HashSet<>();
    }

    @EventSourcingHandler
    void on(ToolDocumentSavedEvent event) {
        version = event.version();
        data = event.data();
    }

    @EventSourcingHandler
    void on(ToolDocumentStatusChangedEvent event) {
        status = event.to();
    }

    @EventSourcingHandler
    void on(HypothesisAddedEvent event) {
        hypotheses.add(event.hypothesisId());
    }

    @EventSourcingHandler
    void on(HypothesisRemovedEvent event) {
        hypotheses.remove(event.hypothesisId());
    }

    @EventSourcingHandler
    void on(TeamAssessmentAddedEvent event) {
        assessments.add(event.assessmentId());
    }

    @EventSourcingHandler
    void on(TeamAssessmentRemovedEvent event) {
        assessments.remove(event.assessmentId());
    }
}
