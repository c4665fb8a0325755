package com.firmos.command.conversation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

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
import com.firmos.api.messages.conversation.CloseConversationCommand;
import com.firmos.api.messages.conversation.ConversationClosedEvent;
import com.firmos.api.messages.conversation.ConversationReopenedEvent;
import com.firmos.api.messages.conversation.ConversationStartedEvent;
import com.firmos.api.messages.conversation.ConversationStatus;
import com.firmos.api.messages.conversation.ReopenConversationCommand;
import com.firmos.api.messages.conversation.StartConversationCommand;
import com.firmos.command.ClientWriteAccess;
import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;
import com.firmos.command.Refusals;
import com.firmos.command.engagement.EngagementLookup;

/** A thread of an engagement. Its messages are aggregates of their own, so a long thread stays cheap to load. */
@Aggregate
class Conversation {

    @AggregateIdentifier
    private UUID conversationId;
    private String organizationId;
    private UUID engagementId;
    private String subject;
    private ConversationStatus status;

    Conversation() {
    }

    /** Every change needs write access to the engagement's client; creations check it in their handlers. */
    @CommandHandlerInterceptor
    void requireWriteAccess(CommandMessage<?> command, ClientWriteAccess access) {
        if (conversationId != null) {
            access.requireOnEngagement(engagementId, organizationId, command.getMetaData());
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(StartConversationCommand command, EngagementLookup engagements, MetaData metaData,
            ClientWriteAccess access) {
        if (conversationId != null) {
            if (!organizationId.equals(command.organizationId()) || !Objects.equals(subject, command.subject())) {
                throw Refusals.idTaken();
            }
            return;
        }
        access.requireForEngagement(command.engagementId(), command.organizationId(), metaData);
        FieldRules.requiredText("subject", command.subject(), 255);
        engagements.requireOpen(command.engagementId(), command.organizationId());
        apply(new ConversationStartedEvent(command.conversationId(), command.organizationId(),
                command.engagementId(), command.subject()));
    }

    @CommandHandler
    void handle(CloseConversationCommand command) {
        requireTenant(command.organizationId());
        if (status == ConversationStatus.CLOSED) {
            throw Refusals.state("status", "the conversation is already closed");
        }
        apply(new ConversationClosedEvent(conversationId, organizationId, engagementId));
    }

    @CommandHandler
    void handle(ReopenConversationCommand command, EngagementLookup engagements) {
        requireTenant(command.organizationId());
        if (status == ConversationStatus.OPEN) {
            throw Refusals.state("status", "the conversation is already open");
        }
        engagements.requireOpen(engagementId, organizationId);
        apply(new ConversationReopenedEvent(conversationId, organizationId, engagementId));
    }

    /** Called through {@link ConversationLookup} by messages posted to this conversation. */
    ConversationFacts factsForNewMessage(String callerOrganizationId) {
        if (conversationId == null || !organizationId.equals(callerOrganizationId)) {
            throw RepositoryConversationLookup.unknown();
        }
        if (status == ConversationStatus.CLOSED) {
            throw Refusals.state("conversationId", "the conversation is closed; reopen it to post");
        }
        return new ConversationFacts(conversationId, engagementId);
    }

    @EventSourcingHandler
    void on(ConversationStartedEvent event) {
        conversationId = event.conversationId();
        organizationId = event.organizationId();
        engagementId = event.engagementId();
        subject = event.subject();
        status = ConversationStatus.OPEN;
    }

    @EventSourcingHandler
    void on(ConversationClosedEvent event) {
        status = ConversationStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(ConversationReopenedEvent event) {
        status = ConversationStatus.OPEN;
    }

    private void requireTenant(String callerOrganizationId) {
        if (!organizationId.equals(callerOrganizationId)) {
            throw DomainException.notInTenant();
        }
    }
}
