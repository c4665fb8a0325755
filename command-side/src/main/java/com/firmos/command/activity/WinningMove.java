package com.firmos.command.activity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.activity.ChangeWinningMoveStatusCommand;
import com.firmos.api.messages.activity.CreateWinningMoveCommand;
import com.firmos.api.messages.activity.EditWinningMoveCommand;
import com.firmos.api.messages.activity.PlaybookPhase;
import com.firmos.api.messages.activity.WinningMoveCreatedEvent;
import com.firmos.api.messages.activity.WinningMoveEditedEvent;
import com.firmos.api.messages.activity.WinningMoveStatus;
import com.firmos.api.messages.activity.WinningMoveStatusChangedEvent;
import com.firmos.command.ClientWriteAccess;
import com.firmos.command.CommandSideConfiguration;
import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;
import com.firmos.command.Refusals;
import com.firmos.command.engagement.EngagementLookup;

/** A strategic initiative of an engagement that activities contribute to. */
@Aggregate(snapshotTriggerDefinition = CommandSideConfiguration.SNAPSHOT_TRIGGER, cache = "winningMoveCache")
class WinningMove {

    @AggregateIdentifier
    private UUID winningMoveId;
    private String organizationId;
    private UUID engagementId;
    // Kept for edits (no-op detection, old values in the event) and for the title links carry.
    private String title;
    private String description;
    private WinningMoveStatus status;

    WinningMove() {
    }

    /** Every change needs write access to the engagement's client; creations check it in their handlers. */
    @CommandHandlerInterceptor
    void requireWriteAccess(CommandMessage<?> command, ClientWriteAccess access) {
        if (winningMoveId != null) {
            access.requireOnEngagement(engagementId, organizationId, command.getMetaData());
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CreateWinningMoveCommand command, EngagementLookup engagements, MetaData metaData,
            ClientWriteAccess access) {
        if (winningMoveId != null) {
            refuseDifferentCreate(command);
            return;
        }
        access.requireForEngagement(command.engagementId(), command.organizationId(), metaData);
        checkText(command.title(), command.description());
        engagements.requireOpen(command.engagementId(), command.organizationId());
        PlaybookPhase phase = command.sourcePhase() == null ? PlaybookPhase.ALIGN : command.sourcePhase();
        apply(new WinningMoveCreatedEvent(command.winningMoveId(), command.organizationId(), command.engagementId(),
                command.title(), command.description(), phase, command.sourceActivityId()));
    }

    @CommandHandler
    void handle(EditWinningMoveCommand command) {
        requireTenant(command.organizationId());
        if (status == WinningMoveStatus.ARCHIVED) {
            throw new DomainException(RefusalCode.INVALID_TRANSITION, null,
                    "an archived winning move cannot be edited; reactivate it first");
        }
        checkText(command.title(), command.description());
        if (title.equals(command.title()) && Objects.equals(description, command.description())) {
            return;
        }
        apply(new WinningMoveEditedEvent(winningMoveId, organizationId, engagementId, title, command.title(),
                description, command.description()));
    }

    @CommandHandler
    void handle(ChangeWinningMoveStatusCommand command) {
        requireTenant(command.organizationId());
        FieldRules.required("status", command.status());
        if (!WinningMoveLifecycle.allowedTargets(status).contains(command.status())) {
            throw new DomainException(RefusalCode.INVALID_TRANSITION, "status", "a winning move that is "
                    + wire(status) + " cannot become " + wire(command.status()) + "; allowed: "
                    + WinningMoveLifecycle.allowedTargets(status).stream().map(WinningMove::wire).toList());
        }
        apply(new WinningMoveStatusChangedEvent(winningMoveId, organizationId, engagementId, status,
                command.status()));
    }

    /**
     * The title an activity's link records, after checking that the move may take a link from an activity of
     * this tenant and engagement.
     */
    String titleForLinkFrom(String callerOrganizationId, UUID activityEngagementId) {
        requireTenant(callerOrganizationId);
        if (status == WinningMoveStatus.ARCHIVED) {
            throw new DomainException(RefusalCode.INVALID_TRANSITION, "winningMoveId",
                    "an archived winning move takes no links; reactivate it first");
        }
        if (!engagementId.equals(activityEngagementId)) {
            throw DomainException.invalid("winningMoveId", "the winning move belongs to another engagement");
        }
        return title;
    }

    /** The title, for callers that check the move exists in their tenant; another tenant's is missing. */
    UUID engagementOf(String callerOrganizationId) {
        requireTenant(callerOrganizationId);
        return engagementId;
    }

    @EventSourcingHandler
    void on(WinningMoveCreatedEvent event) {
        winningMoveId = event.winningMoveId();
        organizationId = event.organizationId();
        engagementId = event.engagementId();
        title = event.title();
        description = event.description();
        status = WinningMoveStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(WinningMoveEditedEvent event) {
        title = event.title();
        description = event.description();
    }

    @EventSourcingHandler
    void on(WinningMoveStatusChangedEvent event) {
        status = event.newStatus();
    }

    private static void checkText(String title, String description) {
        FieldRules.requiredText("title", title, 200);
        FieldRules.maxLength("description", description, 10_000);
    }

    private void refuseDifferentCreate(CreateWinningMoveCommand command) {
        boolean sameCreate = organizationId.equals(command.organizationId())
                && engagementId.equals(command.engagementId())
                && title.equals(command.title());
        if (!sameCreate) {
            throw Refusals.idTaken();
        }
    }

    private void requireTenant(String callerOrganizationId) {
        if (!organizationId.equals(callerOrganizationId)) {
            throw DomainException.notInTenant();
        }
    }

    private static String wire(WinningMoveStatus value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
