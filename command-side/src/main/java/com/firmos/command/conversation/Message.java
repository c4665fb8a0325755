package com.firmos.command.conversation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.conversation.Attachment;
import com.firmos.api.messages.conversation.DeleteMessageCommand;
import com.firmos.api.messages.conversation.EditMessageCommand;
import com.firmos.api.messages.conversation.MessageDeletedEvent;
import com.firmos.api.messages.conversation.MessageEditedEvent;
import com.firmos.api.messages.conversation.MessagePostedEvent;
import com.firmos.api.messages.conversation.PostMessageCommand;
import com.firmos.command.ClientWriteAccess;
import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;
import com.firmos.command.Refusals;
import com.firmos.command.engagement.EngagementLookup;

/** One message of a conversation; only its sender edits or deletes it, and deleting keeps it in the record. */
@Aggregate
class Message {

    static final int CONTENT_MAX = 20_000;
    static final int ATTACHMENTS_MAX = 20;
    static final long ATTACHMENT_SIZE_MAX = 5L * 1024 * 1024 * 1024;

    @AggregateIdentifier
    private UUID messageId;
    private String organizationId;
    private UUID engagementId;
    private UUID conversationId;
    private String senderId;
    private String content;
    private boolean internal;
    private boolean deleted;

    Message() {
    }

    /** Every change needs write access to the engagement's client; creations check it in their handlers. */
    @CommandHandlerInterceptor
    void requireWriteAccess(CommandMessage<?> command, ClientWriteAccess access) {
        if (messageId != null) {
            access.requireOnEngagement(engagementId, organizationId, command.getMetaData());
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(PostMessageCommand command, ConversationLookup conversations, EngagementLookup engagements,
            MetaData metaData, ClientWriteAccess access) {
        if (messageId != null) {
            if (!organizationId.equals(command.organizationId()) || !content.equals(command.content())) {
                throw Refusals.idTaken();
            }
            return;
        }
        ConversationFacts conversation = conversations.requireOpen(command.conversationId(),
                command.organizationId());
        access.requireForEngagement(conversation.engagementId(), command.organizationId(), metaData);
        FieldRules.requiredText("content", command.content(), CONTENT_MAX);
        List<Attachment> attachments = command.attachments() == null ? List.of() : command.attachments();
        checkAttachments(attachments);
        engagements.requireOpen(conversation.engagementId(), command.organizationId());
        apply(new MessagePostedEvent(command.messageId(), command.organizationId(), conversation.engagementId(),
                command.conversationId(), command.senderId(), command.content(), attachments, command.internal()));
    }

    @CommandHandler
    void handle(EditMessageCommand command) {
        requireSender(command.organizationId(), command.senderId());
        FieldRules.requiredText("content", command.content(), CONTENT_MAX);
        if (!content.equals(command.content())) {
            apply(new MessageEditedEvent(messageId, organizationId, engagementId, conversationId, internal, content,
                    command.content()));
        }
    }

    @CommandHandler
    void handle(DeleteMessageCommand command) {
        requireSender(command.organizationId(), command.senderId());
        apply(new MessageDeletedEvent(messageId, organizationId, engagementId, conversationId, internal,
                GenericEventMessage.clock.instant()));
    }

    private static void checkAttachments(List<Attachment> attachments) {
        if (attachments.size() > ATTACHMENTS_MAX) {
            throw DomainException.invalid("attachments", "at most " + ATTACHMENTS_MAX + " attachments");
        }
        for (int i = 0; i < attachments.size(); i++) {
            String field = "attachments[" + i + "]";
            Attachment attachment = attachments.get(i);
            FieldRules.required(field, attachment);
            FieldRules.requiredText(field + ".name", attachment.name(), 255);
            FieldRules.httpUrl(field + ".url", attachment.url());
            if (attachment.size() < 0 || attachment.size() > ATTACHMENT_SIZE_MAX) {
                throw DomainException.invalid(field + ".size", "size is a byte count between 0 and 5 GiB");
            }
        }
    }

    private void requireSender(String callerOrganizationId, String callerId) {
        if (deleted || !organizationId.equals(callerOrganizationId)) {
            throw DomainException.notFound("message");
        }
        if (!senderId.equals(callerId)) {
            throw new DomainException(RefusalCode.FORBIDDEN, "messageId", "only the sender may change a message");
        }
    }

    @EventSourcingHandler
    void on(MessagePostedEvent event) {
        messageId = event.messageId();
        organizationId = event.organizationId();
        engagementId = event.engagementId();
        conversationId = event.conversationId();
        senderId = event.senderId();
        content = event.content();
        internal = event.internal();
    }

    @EventSourcingHandler
    void on(MessageEditedEvent event) {
        content = event.content();
    }

    @EventSourcingHandler
    void on(MessageDeletedEvent event) {
        deleted = true;
    }
}
