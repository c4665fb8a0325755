package com.firmos.command.portal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.spring.stereotype.Aggregate;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.portal.ErasePortalContactCommand;
import com.firmos.api.messages.portal.ExchangePortalLinkCommand;
import com.firmos.api.messages.portal.GrantPortalAccessCommand;
import com.firmos.api.messages.portal.PortalAccessGrantedEvent;
import com.firmos.api.messages.portal.PortalAccessRevokedEvent;
import com.firmos.api.messages.portal.PortalContactErasedEvent;
import com.firmos.api.messages.portal.PortalLinkExchangedEvent;
import com.firmos.api.messages.portal.PortalLinkRotatedEvent;
import com.firmos.api.messages.portal.RevokePortalAccessCommand;
import com.firmos.api.messages.portal.RotatePortalLinkCommand;
import com.firmos.command.ClientWriteAccess;
import com.firmos.command.CommandSideConfiguration;
import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;
import com.firmos.command.Refusals;
import com.firmos.command.engagement.EngagementFacts;
import com.firmos.command.engagement.EngagementLookup;

/**
 * A client contact's magic link to one engagement. It knows only hashes: the current token's, so a rotation
 * retires the old token in the same event, and a password's for the REST layer to check. Exchanges go through it
 * one at a time, so a single-use link yields exactly one session however many arrive at once.
 */
@Aggregate(snapshotTriggerDefinition = CommandSideConfiguration.SNAPSHOT_TRIGGER, cache = "portalAccessCache")
class PortalAccess {

    @AggregateIdentifier
    private UUID accessId;
    private String organizationId;
    private UUID engagementId;
    private String tokenHash;
    private Instant expiresAt;
    private boolean singleUse;
    private boolean used;
    private boolean erased;
    private PortalAccessLifecycle lifecycle;

    PortalAccess() {
    }

    /** Every change needs write access to the engagement's client; creations check it in their handlers. */
    @CommandHandlerInterceptor
    void requireWriteAccess(CommandMessage<?> command, ClientWriteAccess access) {
        if (accessId != null) {
            access.requireOnEngagement(engagementId, organizationId, command.getMetaData());
        }
    }

    @CommandHandler
    PortalAccess(GrantPortalAccessCommand command, EngagementLookup engagements, MetaData metaData,
            ClientWriteAccess access) {
        access.requireForEngagement(command.engagementId(), command.organizationId(), metaData);
        FieldRules.required("contactName", command.contactName());
        if (command.sections() == null || command.sections().isEmpty()) {
            throw DomainException.invalid("sections", "name at least one section the contact may see");
        }
        FieldRules.required("tokenHash", command.tokenHash());
        EngagementFacts engagement = engagements.requireOpen(command.engagementId(), command.organizationId());
        apply(new PortalAccessGrantedEvent(command.accessId(), command.organizationId(), command.engagementId(),
                engagement.clientId(), command.contactName(), Set.copyOf(command.sections()),
                command.expiresAt(), command.singleUse(), command.tokenHash(), command.passwordHash()));
    }

    @CommandHandler
    void handle(RotatePortalLinkCommand command) {
        requireActive(command.organizationId());
        FieldRules.required("tokenHash", command.tokenHash());
        apply(new PortalLinkRotatedEvent(accessId, organizationId, engagementId, command.tokenHash()));
    }

    @CommandHandler
    void handle(RevokePortalAccessCommand command) {
        requireTenant(command.organizationId());
        if (lifecycle == PortalAccessLifecycle.REVOKED) {
            return;
        }
        apply(new PortalAccessRevokedEvent(accessId, organizationId, engagementId));
    }

    /** Revokes as it erases: a link whose contact is gone must not open for anyone. */
    @CommandHandler
    void handle(ErasePortalContactCommand command) {
        requireTenant(command.organizationId());
        if (erased) {
            return;
        }
        if (lifecycle == PortalAccessLifecycle.ACTIVE) {
            apply(new PortalAccessRevokedEvent(accessId, organizationId, engagementId));
        }
        apply(new PortalContactErasedEvent(accessId, organizationId, engagementId));
    }

    @CommandHandler
    void handle(ExchangePortalLinkCommand command) {
        requireTenant(command.organizationId());
        boolean usable = lifecycle == PortalAccessLifecycle.ACTIVE && tokenHash.equals(command.tokenHash())
                && (expiresAt == null || command.at().isBefore(expiresAt)) && !(singleUse && used);
        if (!usable) {
            // One refusal for every reason: the caller must not learn which part of a guess was right.
            throw new DomainException(RefusalCode.FORBIDDEN, "token", "the link is not valid");
        }
        apply(new PortalLinkExchangedEvent(accessId, organizationId, engagementId, command.at()));
    }

    @EventSourcingHandler
    void on(PortalAccessGrantedEvent event) {
        accessId = event.accessId();
        organizationId = event.organizationId();
        engagementId = event.engagementId();
        tokenHash = event.tokenHash();
        expiresAt = event.expiresAt();
        singleUse = event.singleUse();
        lifecycle = PortalAccessLifecycle.ACTIVE;
    }

    @EventSourcingHandler
    void on(PortalLinkRotatedEvent event) {
        tokenHash = event.tokenHash();
        used = false;
    }

    @EventSourcingHandler
    void on(PortalAccessRevokedEvent event) {
        lifecycle = PortalAccessLifecycle.REVOKED;
    }

    @EventSourcingHandler
    void on(PortalLinkExchangedEvent event) {
        used = true;
    }

    @EventSourcingHandler
    void on(PortalContactErasedEvent event) {
        erased = true;
    }

    private void requireTenant(String callerOrganizationId) {
        if (!organizationId.equals(callerOrganizationId)) {
            throw DomainException.notInTenant();
        }
    }

    private void requireActive(String callerOrganizationId) {
        requireTenant(callerOrganizationId);
        if (lifecycle == PortalAccessLifecycle.REVOKED) {
            throw new DomainException(RefusalCode.INVALID_TRANSITION, "status", "a revoked portal access stays"
                    + " revoked; grant a new one");
        }
    }
}
