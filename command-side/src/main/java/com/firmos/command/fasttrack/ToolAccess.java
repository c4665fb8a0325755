package com.firmos.command.fasttrack;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import com.firmos.api.messages.fasttrack.GrantToolAccessCommand;
import com.firmos.api.messages.fasttrack.RevokeToolAccessCommand;
import com.firmos.api.messages.fasttrack.ToolAccessGrantedEvent;
import com.firmos.api.messages.fasttrack.ToolAccessRevokedEvent;
import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;
import com.firmos.command.Refusals;

/** One user's permission on one tool: granted, replaced by a new grant, revoked. */
@Aggregate
class ToolAccess {

    @AggregateIdentifier
    private UUID permissionId;
    private String organizationId;
    private String userId;
    private String toolSlug;
    private boolean granted;

    ToolAccess() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(GrantToolAccessCommand command, ToolCatalog catalog) {
        if (permissionId != null && !(organizationId.equals(command.organizationId())
                && userId.equals(command.userId()) && toolSlug.equals(command.toolSlug()))) {
            throw DomainException.invalid("id", "the permission id belongs to another user or tool");
        }
        FieldRules.requiredText("userId", command.userId(), 100);
        catalog.requireKnown(command.toolSlug());
        FieldRules.required("level", command.level());
        if (command.expiresAt() != null && !command.expiresAt().isAfter(GenericEventMessage.clock.instant())) {
            throw DomainException.invalid("expiresAt", "expiresAt must lie in the future");
        }
        apply(new ToolAccessGrantedEvent(command.permissionId(), command.organizationId(), command.userId(),
                command.toolSlug(), command.level(), command.expiresAt(), command.grantedBy()));
    }

    @CommandHandler
    void handle(RevokeToolAccessCommand command) {
        if (!organizationId.equals(command.organizationId())) {
            throw DomainException.notFound("tool permission");
        }
        if (!granted) {
            throw Refusals.state("status", "the permission is already revoked");
        }
        apply(new ToolAccessRevokedEvent(permissionId, organizationId, userId, toolSlug));
    }

    @EventSourcingHandler
    void on(ToolAccessGrantedEvent event) {
        permissionId = event.permissionId();
        organizationId = event.organizationId();
        userId = event.userId();
        toolSlug = event.toolSlug();
        granted = true;
    }

    @EventSourcingHandler
    void on(ToolAccessRevokedEvent event) {
        granted = false;
    }
}
