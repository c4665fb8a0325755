package com.firmos.command.fasttrack;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.fasttrack.ChangeToolDocumentStatusCommand;
import com.firmos.api.messages.fasttrack.PatchToolDocumentCommand;
import com.firmos.api.messages.fasttrack.SaveToolDocumentCommand;
import com.firmos.api.messages.fasttrack.StartToolDocumentCommand;
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

    @AggregateIdentifier
    private UUID documentId;
    private String organizationId;
    private String userId;
    private String toolSlug;
    private ToolDocumentStatus status;
    private long version;
    private Map<String, Object> data;

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
}
