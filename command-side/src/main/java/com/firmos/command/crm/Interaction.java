package com.firmos.command.crm;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Set;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.crm.CorrectInteractionCommand;
import com.firmos.api.messages.crm.DeleteInteractionCommand;
import com.firmos.api.messages.crm.InteractionCorrectedEvent;
import com.firmos.api.messages.crm.InteractionDeletedEvent;
import com.firmos.api.messages.crm.InteractionDetails;
import com.firmos.api.messages.crm.InteractionLoggedEvent;
import com.firmos.api.messages.crm.LogInteractionCommand;
import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;
import com.firmos.command.Refusals;

/** A call, meeting, email, note or completed task with a client; it dates the stakeholders' last contact. */
@Aggregate
class Interaction {

    @AggregateIdentifier
    private UUID interactionId;
    private String organizationId;
    private UUID clientId;
    private InteractionDetails details;
    private boolean deleted;

    Interaction() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(LogInteractionCommand command, ClientLookup clients) {
        if (interactionId != null) {
            if (!organizationId.equals(command.organizationId()) || !details.equals(command.details())) {
                throw Refusals.idTaken();
            }
            return;
        }
        ClientFacts client = clients.requireWritable(command.clientId(), command.organizationId(), command.actor());
        check(command.details(), client);
        apply(new InteractionLoggedEvent(command.interactionId(), command.organizationId(), command.clientId(),
                normalized(command.details())));
    }

    @CommandHandler
    void handle(CorrectInteractionCommand command, ClientLookup clients) {
        requireLive(command.organizationId());
        ClientFacts client = clients.requireWritable(clientId, organizationId, command.actor());
        check(command.details(), client);
        if (!details.equals(normalized(command.details()))) {
            apply(new InteractionCorrectedEvent(interactionId, organizationId, clientId,
                    normalized(command.details())));
        }
    }

    @CommandHandler
    void handle(DeleteInteractionCommand command, ClientLookup clients) {
        requireLive(command.organizationId());
        clients.requireWritable(clientId, organizationId, command.actor());
        apply(new InteractionDeletedEvent(interactionId, organizationId, clientId));
    }

    private static void check(InteractionDetails details, ClientFacts client) {
        FieldRules.required("details", details);
        FieldRules.required("type", details.type());
        FieldRules.requiredText("subject", details.subject(), 300);
        FieldRules.maxLength("description", details.description(), 10_000);
        FieldRules.required("occurredAt", details.occurredAt());
        if (details.durationMinutes() != null && (details.durationMinutes() < 0 || details.durationMinutes() > 1440)) {
            throw DomainException.invalid("durationMinutes", "durationMinutes must be between 0 and 1440");
        }
        Set<UUID> stakeholders = details.stakeholderIds() == null ? Set.of() : details.stakeholderIds();
        if (!client.stakeholderIds().containsAll(stakeholders)) {
            throw DomainException.invalid("stakeholderIds", "every stakeholder must be one of the client's");
        }
    }

    private static InteractionDetails normalized(InteractionDetails details) {
        return details.stakeholderIds() != null ? details : new InteractionDetails(details.type(), details.subject(),
                details.description(), details.occurredAt(), details.durationMinutes(), Set.of(), details.dealId(),
                details.projectId(), details.sentiment());
    }

    private void requireLive(String callerOrganizationId) {
        if (deleted || !organizationId.equals(callerOrganizationId)) {
            throw DomainException.notFound("interaction");
        }
    }

    @EventSourcingHandler
    void on(InteractionLoggedEvent event) {
        interactionId = event.interactionId();
        organizationId = event.organizationId();
        clientId = event.clientId();
        details = event.details();
    }

    @EventSourcingHandler
    void on(InteractionCorrectedEvent event) {
        details = event.details();
    }

    @EventSourcingHandler
    void on(InteractionDeletedEvent event) {
        deleted = true;
    }
}
